/** JSON Feed 1.0/1.1 (https://jsonfeed.org/version/1.1) mapped to RawFeed with plain JSON.parse. */
import type { RawFeed, RawItem } from './raw-feed.js';

type Json = Record<string, unknown>;

const text = (value: unknown): string | null =>
  typeof value === 'string' ? value : typeof value === 'number' ? String(value) : null;

/** True when a parsed JSON value looks like a JSON Feed. */
export function isJsonFeed(value: unknown): value is Json {
  if (!value || typeof value !== 'object') return false;
  const version = text((value as Json).version) ?? '';
  return version.includes('jsonfeed.org') || Array.isArray((value as Json).items);
}

function mapItem(item: Json): RawItem {
  const authors = Array.isArray(item.authors) ? item.authors : item.author ? [item.author] : [];
  return {
    // JSON Feed 1.1: id is required and may be a number in the wild.
    guid: text(item.id),
    link: text(item.url) ?? text(item.external_url),
    title: text(item.title) ?? '',
    description: text(item.summary) ?? '',
    content: text(item.content_html) ?? text(item.content_text) ?? '',
    date: text(item.date_published) ?? text(item.date_modified),
    author: text((authors[0] as Json | undefined)?.name),
    base: null,
  };
}

/** Converts a parsed JSON Feed object to RawFeed. */
export function mapJsonFeed(feed: Json): RawFeed {
  const items = Array.isArray(feed.items) ? feed.items : [];
  return {
    format: 'json',
    title: text(feed.title),
    link: text(feed.home_page_url),
    base: null,
    ttlMinutes: null,
    items: items.filter((i): i is Json => Boolean(i) && typeof i === 'object').map(mapItem),
  };
}
