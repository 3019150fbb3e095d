/** RawFeed items to NormalizedItem: absolute URLs, identity keys, safe dates, clean text. */
import type { NormalizedItem } from '../../core/types.js';
import { toChatLink } from '../../text/http-url.js';
import { toPlainText } from '../../text/plain-text.js';
import type { RawFeed, RawItem } from '../parse/raw-feed.js';
import { disambiguateKeys, itemKey } from './item-key.js';
import { parseFeedDate } from './parse-date.js';
import { resolveUrl, stripTracking } from './resolve-url.js';
import { stripBoilerplate } from './strip-boilerplate.js';

function normalizeItem(raw: RawItem, feedBase: string, now: Date): NormalizedItem {
  // Base chain, innermost first: item xml:base, then the feed's base (resolved once per feed).
  const resolved = resolveUrl(raw.link, raw.base, feedBase);
  const url = resolved ? toChatLink(stripTracking(resolved)) : null;
  // RSS guids that are permalinks may be relative too; resolve those that look like paths.
  const guid = raw.guid && /^\//.test(raw.guid.trim()) ? resolveUrl(raw.guid, raw.base, feedBase) : raw.guid;
  const title = toPlainText(raw.title);
  const content = toPlainText(raw.content);
  const description = stripBoilerplate(toPlainText(raw.description));
  const item: NormalizedItem = {
    key: itemKey(guid, url, title, content || description),
    url,
    title,
    description,
    content: stripBoilerplate(content),
    publishedAt: parseFeedDate(raw.date, now),
    author: raw.author ? toPlainText(raw.author) || null : null,
  };
  return item;
}

/** Normalises every item of a feed; keys are unique within the result. */
export function normalizeItems(feed: RawFeed, finalUrl: string, now: Date): NormalizedItem[] {
  // Feed base, innermost first: feed xml:base, channel link, final feed URL (docs/ingestion.md R21).
  const siteUrl = resolveUrl(feed.link, finalUrl) ?? finalUrl;
  const feedBase = resolveUrl(feed.base, siteUrl) ?? siteUrl;
  return disambiguateKeys(feed.items.map((raw) => normalizeItem(raw, feedBase, now)));
}
