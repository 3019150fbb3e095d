import { describe, expect, it } from 'vitest';
import { webApi } from '@slack/bolt';
import { mapPlatformError, mapSendError } from '../../adapters/slack/map-send-error.js';

describe('Web API errors to SendResult', () => {
  it('uses Retry-After from a rate-limited error', () => {
    const error = Object.assign(new Error('rate limited'), { code: webApi.ErrorCode.RateLimitedError, retryAfter: 30 });
    expect(mapSendError(error)).toEqual({ kind: 'rate_limited', retryAfterMs: 30_000 });
  });

  it('keeps a 429 whose Retry-After was unusable (the client throws a plain Error) as a transient failure', () => {
    expect(mapSendError(new Error('Retry header did not contain a valid timeout'))).toMatchObject({ kind: 'transient' });
  });

  it.each(['internal_error', 'fatal_error', 'service_unavailable', 'request_timeout'])('retries transient %s soon', (code) => {
    expect(mapPlatformError(code)).toEqual({ kind: 'transient', retryAfterMs: 1000, error: `slack/${code}` });
  });

  it('maps a ratelimited error code to rate_limited, not to a failure', () => {
    expect(mapPlatformError('ratelimited')).toEqual({ kind: 'rate_limited', retryAfterMs: 1000 });
  });

  it.each(['invalid_blocks', 'msg_too_long', 'no_text'])('maps %s to invalid_payload: resending cannot help', (code) => {
    expect(mapPlatformError(code)).toEqual({ kind: 'invalid_payload', reason: `slack/${code}` });
  });

  it('keeps an unknown error code retryable, with a long hint', () => {
    expect(mapPlatformError('some_new_code')).toEqual({ kind: 'transient', retryAfterMs: 60_000, error: 'slack/some_new_code' });
  });

  it('maps token_expired and not_authed to auth_revoked', () => {
    expect(mapPlatformError('token_expired').kind).toBe('auth_revoked');
    expect(mapPlatformError('not_authed').kind).toBe('auth_revoked');
  });
});
