/**
 * Maps feedsmith's per-format output (RSS 0.9x/2.0, Atom 0.3/1.0, RDF 1.0) to RawFeed.
 * feedsmith keeps values as raw strings, which is what we want: dates and text are cleaned later.
 */
import type { RawFeed, RawItem } from './raw-feed.js';

type Loose = Record<string, unknown> | undefined;

function str(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (value && typeof value === 'object' && 'value' in value) return str((value as { value: unknown }).value);
  return null;
}

const obj = (value: unknown): Loose => (value && typeof value === 'object' ? (value as Record<string, unknown>) : undefined);
const first = (value: unknown): unknown => (Array.isArray(value) ? value[0] : value);
const xmlBase = (node: Loose): string | null => str(obj(node?.xml)?.base);

function dcDate(node: Loose): string | null {
  const dc = obj(node?.dc);
  return str(first(dc?.dates)) ?? str(dc?.date);
}

function authorName(node: Loose): string | null {
  const author = obj(first(node?.authors));
  return str(author?.name) ?? str(first(obj(node?.dc)?.creators)) ?? str(obj(node?.dc)?.creator);
}

/** Atom picks rel="alternate" (or no rel) as the item's page (RFC 4287 section 4.2.7.2). */
function atomLink(links: unknown): string | null {
  if (!Array.isArray(links)) return str(obj(links)?.href);
  const candidates = links.map(obj).filter((l) => l && str(l.href));
  const alternate = candidates.find((l) => !l?.rel || l.rel === 'alternate');
  return str((alternate ?? candidates[0])?.href);
}

function mapRssItem(node: Loose, rdf: boolean): RawItem {
  const content = obj(node?.content);
  return {
    guid: rdf ? str(obj(node?.rdf)?.about) : str(node?.guid),
    link: str(node?.link) ?? atomLink(obj(node?.atom)?.links),
    title: str(node?.title) ?? str(first(obj(node?.dc)?.titles)) ?? '',
    description: str(node?.description) ?? '',
    content: str(content?.encoded) ?? '',
    date: str(node?.pubDate) ?? dcDate(node),
    author: authorName(node),
    base: xmlBase(node),
  };
}

function mapAtomEntry(node: Loose): RawItem {
  return {
    guid: str(node?.id),
    link: atomLink(node?.links),
    title: str(node?.title) ?? '',
    description: str(node?.summary) ?? '',
    content: str(node?.content) ?? '',
    date: str(node?.published) ?? str(node?.updated) ?? str(node?.issued) ?? str(node?.modified) ?? dcDate(node),
    author: authorName(node),
    base: xmlBase(node),
  };
}

function ttlOf(value: unknown): number | null {
  const n = Number.parseInt(str(value) ?? '', 10);
  return Number.isFinite(n) && n > 0 ? n : null;
}

/** Converts feedsmith's `{ format, feed }` to RawFeed. */
export function mapFeedsmith(format: 'rss' | 'atom' | 'rdf', feed: Record<string, unknown>): RawFeed {
  if (format === 'atom') {
    return {
      format,
      title: str(feed.title),
      link: atomLink(feed.links),
      base: xmlBase(feed),
      ttlMinutes: null,
      items: ((feed.entries as unknown[]) ?? []).map((e) => mapAtomEntry(obj(e))),
    };
  }
  return {
    format,
    title: str(feed.title),
    link: str(feed.link),
    base: xmlBase(feed),
    ttlMinutes: ttlOf(feed.ttl),
    items: ((feed.items as unknown[]) ?? []).map((i) => mapRssItem(obj(i), format === 'rdf')),
  };
}
