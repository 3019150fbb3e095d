/**
 * A link reduced to what identifies the article: scheme, "www.", fragment and trailing slash
 * dropped. The query stays: some sites name articles by it, and the normaliser already removed
 * tracking parameters. Returns null for missing or unparsable links.
 */
export function canonicalLink(url: string | null): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    const host = parsed.hostname.toLowerCase().replace(/^www\./, '');
    const path = parsed.pathname.replace(/\/+$/, '');
    // A bare homepage or section link identifies no article (g002's "nextgov.com/topic/privacy").
    if (path.split('/').filter(Boolean).length === 0) return null;
    return `${host}${path}${parsed.search}`;
  } catch {
    return null;
  }
}
