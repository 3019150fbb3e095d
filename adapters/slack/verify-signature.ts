/**
 * Slack request signing (https://docs.slack.dev/authentication/verifying-requests-from-slack):
 * X-Slack-Signature is `v0=` + hex HMAC-SHA256 of `v0:<timestamp>:<raw body>` with the signing
 * secret. We check it ourselves before Bolt sees the request because Bolt 5 only rejects
 * timestamps in the past; a timestamp more than five minutes off in either direction is refused.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/** Slack's replay window. */
export const MAX_SKEW_SECONDS = 5 * 60;

/** Why a request was refused, or ok. */
export type SignatureCheck = { ok: true } | { ok: false; reason: string };

/** Computes the `v0=` signature Slack would send for this body and timestamp. */
export function signSlackBody(signingSecret: string, timestamp: number | string, body: string | Buffer): string {
  const hmac = createHmac('sha256', signingSecret);
  hmac.update(`v0:${timestamp}:`);
  hmac.update(body);
  return `v0=${hmac.digest('hex')}`;
}

/** Checks the signature headers of a buffered request against the raw body. */
export function checkSlackSignature(
  signingSecret: string,
  headers: IncomingMessage['headers'],
  rawBody: Buffer,
  nowMs: number,
): SignatureCheck {
  const signature = headers['x-slack-signature'];
  const timestampHeader = headers['x-slack-request-timestamp'];
  if (typeof signature !== 'string' || typeof timestampHeader !== 'string') {
    return { ok: false, reason: 'missing signature headers' };
  }
  if (!/^\d{1,12}$/.test(timestampHeader)) return { ok: false, reason: 'malformed timestamp' };
  const skew = Math.abs(Math.floor(nowMs / 1000) - Number(timestampHeader));
  if (skew > MAX_SKEW_SECONDS) return { ok: false, reason: 'stale timestamp' };
  const expected = Buffer.from(signSlackBody(signingSecret, timestampHeader, rawBody));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    return { ok: false, reason: 'signature mismatch' };
  }
  return { ok: true };
}
