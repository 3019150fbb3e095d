/**
 * Feed autodiscovery for HTML pages served in place of a feed (docs/ingestion.md R17): the first
 * `<link rel="alternate" type="application/(rss|atom|feed)+xml|json" href>` in the page.
 */

const LINK_TAG = /<link\b[^>]*>/gi;
const FEED_TYPE = /application\/(rss\+xml|atom\+xml|feed\+json|json|rdf\+xml)/i;

function attribute(tag: string, name: string): string | null {
  const match = new RegExp(`\\b${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(tag);
  return match ? (match[1] ?? match[2] ?? match[3] ?? null) : null;
}

/** True when the text is an HTML document rather than a feed. */
export function looksLikeHtml(text: string): boolean {
  return /^\s*(<!--[\s\S]*?-->\s*)*(<!doctype\s+html|<html\b|<head\b|<body\b)/i.test(text);
}

/** Absolute URL of the page's advertised feed, or null. */
export function discoverAlternate(html: string, pageUrl: string): string | null {
  for (const tag of html.match(LINK_TAG) ?? []) {
    const rel = attribute(tag, 'rel') ?? '';
    const type = attribute(tag, 'type') ?? '';
    const href = attribute(tag, 'href');
    if (!href || !/\balternate\b/i.test(rel) || !FEED_TYPE.test(type)) continue;
    try {
      const url = new URL(href.replace(/&amp;/g, '&'), pageUrl);
      if (url.protocol === 'http:' || url.protocol === 'https:') return url.href;
    } catch {
      // malformed href: keep looking
    }
  }
  return null;
}
