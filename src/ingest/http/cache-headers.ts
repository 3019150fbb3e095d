/** Response headers that steer scheduling (docs/ingestion.md R8, R11). */

/** Cache-Control max-age in seconds (s-maxage ignored: we are a private cache), or null. */
export function maxAgeSeconds(cacheControl: string | null | undefined): number | null {
  const match = /(?:^|,)\s*max-age\s*=\s*"?(\d+)"?/i.exec(cacheControl ?? '');
  if (!match) return null;
  const seconds = Number.parseInt(match[1]!, 10);
  return Number.isFinite(seconds) ? seconds : null;
}

/**
 * Retry-After (RFC 9110 section 10.2.3): delay-seconds or an HTTP-date. An HTTP-date is measured
 * against the response's own Date header when present, which cancels clock skew between us
 * and the server. Returns milliseconds (>= 0) or null.
 */
export function retryAfterMs(value: string | null | undefined, responseDate: string | null | undefined, now: Date): number | null {
  const text = value?.trim();
  if (!text) return null;
  if (/^\d+$/.test(text)) return Number.parseInt(text, 10) * 1000;
  const at = Date.parse(text);
  if (Number.isNaN(at)) return null;
  const reference = responseDate ? Date.parse(responseDate) : Number.NaN;
  const from = Number.isNaN(reference) ? now.getTime() : reference;
  return Math.max(0, at - from);
}
