/**
 * Maps a Web API failure to a SendResult the dispatcher acts on. The client never retries or
 * queues on its own (retries: 0, rejectRateLimitedCalls): pacing is the dispatcher's job, per
 * channel, so one channel's 429 does not pause the others.
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
/** Slack-side trouble worth retrying soon. */
const TRANSIENT = new Set(['ratelimited', 'fatal_error', 'internal_error', 'service_unavailable', 'request_timeout']);

/** Fallback delays: Slack always sends Retry-After on 429; the others are dispatcher backoff hints. */
export const DEFAULT_RETRY_MS = { rateLimited: 1_000, transient: 1_000, unexpected: 60_000 } as const;

/** A Slack platform error code (`ok: false`) to a SendResult. */
export function mapPlatformError(code: string): SendResult {
  if (GONE.has(code)) return { kind: 'gone', reason: code };
  if (AUTH_REVOKED.has(code)) return { kind: 'auth_revoked', reason: code };
  if (TRANSIENT.has(code)) return { kind: 'retry', afterMs: DEFAULT_RETRY_MS.transient, error: `slack/${code}` };
  // invalid_blocks, msg_too_long, ...: a defect on our side. Retrying later keeps the row (nothing is
  // dropped) and lets the dispatcher give up after its attempt limit.
  return { kind: 'retry', afterMs: DEFAULT_RETRY_MS.unexpected, error: `slack/${code}` };
}

/** Any error thrown by WebClient.apiCall to a SendResult. */
export function mapSendError(error: unknown): SendResult {
  const coded = error as { code?: string; retryAfter?: number; statusCode?: number; data?: { error?: string } };
  switch (coded?.code) {
    case webApi.ErrorCode.RateLimitedError: {
      const seconds = typeof coded.retryAfter === 'number' && coded.retryAfter >= 0 ? coded.retryAfter : null;
      const afterMs = seconds === null ? DEFAULT_RETRY_MS.rateLimited : seconds * 1000;
      return { kind: 'retry', afterMs, error: 'slack/rate-limited' };
    }
    case webApi.ErrorCode.PlatformError:
      return mapPlatformError(coded.data?.error ?? 'unknown_error');
    case webApi.ErrorCode.HTTPError:
      return { kind: 'retry', afterMs: DEFAULT_RETRY_MS.transient, error: `slack/http-${coded.statusCode ?? 'error'}` };
    case webApi.ErrorCode.RequestError:
      return { kind: 'retry', afterMs: DEFAULT_RETRY_MS.transient, error: 'slack/network' };
    default: {
      // A 429 without a usable Retry-After surfaces as a plain Error from the client.
      const message = error instanceof Error ? error.message : String(error);
      return { kind: 'retry', afterMs: DEFAULT_RETRY_MS.transient, error: `slack/unexpected: ${message.slice(0, 200)}` };
    }
  }
}
