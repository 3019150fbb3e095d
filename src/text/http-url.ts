/**
 * The one rule for links that reach chat (docs/ingestion.md R21): an absolute http(s) URL without
 * embedded credentials, or nothing. Adapters add their own markup-specific encoding on top.
 */
export function toHttpUrl(url: string | null | undefined): URL | null {
  if (!url) return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
  if (parsed.username || parsed.password) return null;
  return parsed;
}

/** A feed link as stored for chat: the URL string when the link rule accepts it, else null. */
export function toChatLink(url: string | null | undefined): string | null {
  return toHttpUrl(url)?.href ?? null;
}
