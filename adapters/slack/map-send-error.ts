/**
 * Maps a Web API failure to one of the SendResult outcomes the dispatcher acts on, from Slack's
 * error code and HTTP status only. The client never retries or queues on its own (retries: 0,
 * rejectRateLimitedCalls): pacing is the dispatcher's job, per channel, so one channel's 429 does
 * not pause the others.
 */
import { webApi } from '@slack/bolt';
import type { SendResult } from '../../src/index.js';

/** The subscription cannot receive messages until someone fixes the channel. */
const GONE = new Set(['channel_not_found', 'is_archived', 'not_in_channel']);
/** The workspace's token no longer works: stop sending there. */
const AUTH_REVOKED = new Set([
  'invalid_auth',
  'account_inactive',
  'token_revoked',
  'token_expired',
  'not_authed',
  'no_installation',
]);
/** Slack refused this message itself: sending it again cannot succeed (a defect on our side). */
const INVALID_PAYLOAD = new Set([
  'invalid_blocks',
  'invalid_blocks_format',
  'msg_too_long',
  'msg_blocks_too_long',
  'no_text',
  'too_many_attachments',
  'invalid_attachments',
  'invalid_arguments',
  'invalid_metadata_format',
  'invalid_metadata_schema',
  'metadata_too_large',
]);

/** Fallback delays: Slack always sends Retry-After on 429; the others are dispatcher backoff hints. */
export const DEFAULT_RETRY_MS = { rateLimited: 1_000, transient: 1_000, unexpected: 60_000 } as const;

/** A Slack platform error code (`ok: false`) to a SendResult. */
export function mapPlatformError(code: string): SendResult {
  if (GONE.has(code)) return { kind: 'gone', reason: code };
  if (AUTH_REVOKED.has(code)) return { kind: 'auth_revoked', reason: code };
  if (INVALID_PAYLOAD.has(code)) return { kind: 'invalid_payload', reason: `slack/${code}` };
  if (code === 'ratelimited') return { kind: 'rate_limited', retryAfterMs: DEFAULT_RETRY_MS.rateLimited };
  // fatal_error, internal_error, service_unavailable, request_timeout, and codes this version does
  // not know: kept and retried with backoff (the attempt limit ends a row that never succeeds).
  const known = ['fatal_error', 'internal_error', 'service_unavailable', 'request_timeout'].includes(code);
  return { kind: 'transient', error: `slack/${code}`, retryAfterMs: known ? DEFAULT_RETRY_MS.transient : DEFAULT_RETRY_MS.unexpected };
}

/** Any error thrown by WebClient.apiCall to a SendResult. */
export function mapSendError(error: unknown): SendResult {
  const coded = error as { code?: string; retryAfter?: number; statusCode?: number; data?: { error?: string } };
  switch (coded?.code) {
    case webApi.ErrorCode.RateLimitedError: {
      const seconds = typeof coded.retryAfter === 'number' && coded.retryAfter >= 0 ? coded.retryAfter : null;
      return { kind: 'rate_limited', retryAfterMs: seconds === null ? DEFAULT_RETRY_MS.rateLimited : seconds * 1000 };
    }
    case webApi.ErrorCode.PlatformError:
      return mapPlatformError(coded.data?.error ?? 'unknown_error');
    case webApi.ErrorCode.HTTPError:
      return { kind: 'transient', error: `slack/http-${coded.statusCode ?? 'error'}`, retryAfterMs: DEFAULT_RETRY_MS.transient };
    case webApi.ErrorCode.RequestError:
      return { kind: 'transient', error: 'slack/network', retryAfterMs: DEFAULT_RETRY_MS.transient };
    default: {
      // Includes the client's plain Error for a 429 whose Retry-After it cannot read: nothing but its
      // text says so, and a malformed answer is not one to trust as "slow down", so it is a failure.
      const message = error instanceof Error ? error.message : String(error);
      return { kind: 'transient', error: `slack/unexpected: ${message.slice(0, 200)}`, retryAfterMs: DEFAULT_RETRY_MS.transient };
    }
  }
}
