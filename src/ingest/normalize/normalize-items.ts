/** RawFeed items to NormalizedItem: absolute URLs, identity keys, safe dates, clean text. */
import { boundUrl, ITEM_TEXT_LIMITS } from '../../core/item-limits.js';
import type { NormalizedItem } from '../../core/types.js';
import { toChatLink } from '../../text/http-url.js';
import { toPlainText, truncateAtWord } from '../../text/plain-text.js';
import type { RawFeed, RawItem } from '../parse/raw-feed.js';
import { boundKey, disambiguateKeys, itemKey } from './item-key.js';
import { parseFeedDate } from './parse-date.js';
import { resolveUrl, stripTracking } from './resolve-url.js';
import { stripBoilerplate } from './strip-boilerplate.js';

// Only the content's lead is ever read (summary, tagging); the rest is never stored.
const CONTENT_CHARS = 20_000;

function normalizeItem(raw: RawItem, feedBase: string, now: Date): NormalizedItem {
  // Base chain, innermost first: item xml:base, then the feed's base (resolved once per feed).
  const resolved = resolveUrl(raw.link, raw.base, feedBase);
  const url = resolved ? toChatLink(stripTracking(resolved)) : null;
  // RSS guids that are permalinks may be relative too; resolve those that look like paths.
  const guid = raw.guid && /^\//.test(raw.guid.trim()) ? resolveUrl(raw.guid, raw.base, feedBase) : raw.guid;
  const title = toPlainText(raw.title);
  const content = toPlainText(raw.content);
  const description = stripBoilerplate(toPlainText(raw.description));
  // The key is taken from the full text so that capping never changes an existing item's key.
  const item: NormalizedItem = {
    key: boundKey(itemKey(guid, url, title, content || description)),
    url: boundUrl(url),
    // Feed text is bounded here, once: every later step (stories, search, chat) reads these.
    title: truncateAtWord(title, ITEM_TEXT_LIMITS.title),
    description: truncateAtWord(description, ITEM_TEXT_LIMITS.summary),
    content: truncateAtWord(stripBoilerplate(content), CONTENT_CHARS),
    publishedAt: parseFeedDate(raw.date, now),
    author: raw.author ? truncateAtWord(toPlainText(raw.author), AUTHOR_CHARS) || null : null,
  };
  return item;
}

const AUTHOR_CHARS = 200;

/** Normalises every item of a feed; keys are unique within the result. */
export function normalizeItems(feed: RawFeed, finalUrl: string, now: Date): NormalizedItem[] {
  // Feed base, innermost first: feed xml:base, channel link, final feed URL (docs/ingestion.md R21).
  const siteUrl = resolveUrl(feed.link, finalUrl) ?? finalUrl;
  const feedBase = resolveUrl(feed.base, siteUrl) ?? siteUrl;
  return disambiguateKeys(feed.items.map((raw) => normalizeItem(raw, feedBase, now)));
}
