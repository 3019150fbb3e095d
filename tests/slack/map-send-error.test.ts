import { describe, expect, it } from 'vitest';
import { webApi } from '@slack/bolt';
import { mapPlatformError, mapSendError } from '../../adapters/slack/map-send-error.js';

describe('Web API errors to SendResult', () => {
  it('uses Retry-After from a rate-limited error', () => {
    const error = Object.assign(new Error('rate limited'), { code: webApi.ErrorCode.RateLimitedError, retryAfter: 30 });
    expect(mapSendError(error)).toEqual({ kind: 'retry', afterMs: 30_000, error: 'slack/rate-limited' });
  });

  it('still retries a 429 whose Retry-After was unusable (the client throws a plain Error)', () => {
    expect(mapSendError(new Error('Retry header did not contain a valid timeout'))).toMatchObject({ kind: 'retry' });
  });

  it.each(['internal_error', 'fatal_error', 'service_unavailable', 'request_timeout', 'ratelimited'])('retries transient %s soon', (code) => {
    expect(mapPlatformError(code)).toEqual({ kind: 'retry', afterMs: 1000, error: `slack/${code}` });
  });

  it('maps token_expired and not_authed to auth_revoked', () => {
    expect(mapPlatformError('token_expired').kind).toBe('auth_revoked');
    expect(mapPlatformError('not_authed').kind).toBe('auth_revoked');
  });
});
