/**
 * The one parsing entry point (docs/ingestion.md R14-R17, R23): decoded text in, normalised items or a
 * typed error out. Format is chosen by content, never by Content-Type. XML goes through
 * feedsmith (chosen over rss-parser by measurement, see docs/ingestion.md); JSON Feed through
 * JSON.parse. Never throws.
 */
import { parseFeed as feedsmithParse } from 'feedsmith';
import type { NormalizedItem } from '../../core/types.js';
import { toPlainText } from '../../text/plain-text.js';
import { normalizeItems } from '../normalize/normalize-items.js';
import { discoverAlternate, looksLikeHtml } from './discover-alternate.js';
import { isJsonFeed, mapJsonFeed } from './map-json-feed.js';
import { mapFeedsmith } from './map-feedsmith.js';
import { prepareXml } from './prepare-xml.js';
import type { RawFeed } from './raw-feed.js';

/** Successful parse: feed metadata and normalised items (possibly none). */
export interface ParsedFeed {
  status: 'ok';
  format: RawFeed['format'];
  title: string | null;
  /** RSS <ttl>, minutes (R11). */
  ttlMinutes: number | null;
  items: NormalizedItem[];
}

/** Parse failure, one of the R9 kinds that belong to parsing. */
export interface ParseFailure {
  status: 'error';
  kind: 'parse_error' | 'not_a_feed' | 'empty';
  message: string;
  /** For not_a_feed: the feed URL the HTML page advertises, if any. */
  alternateUrl?: string | null;
}

/** What parseFeed returns: never throws. */
export type ParseResult = ParsedFeed | ParseFailure;

function parseJson(text: string): RawFeed | ParseFailure {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    return { status: 'error', kind: 'parse_error', message: `invalid JSON: ${(err as Error).message}` };
  }
  if (!isJsonFeed(value)) return { status: 'error', kind: 'not_a_feed', message: 'JSON document is not a JSON Feed' };
  return mapJsonFeed(value);
}

type Attempt = RawFeed | { error: string };

function tryFeedsmith(xml: string): Attempt {
  try {
    const { format, feed } = feedsmithParse(xml) as { format: string; feed: Record<string, unknown> };
    if (format === 'json') return { error: 'Unrecognized feed format' };
    return mapFeedsmith(format as 'rss' | 'atom' | 'rdf', feed);
  } catch (err) {
    return { error: (err as Error).message ?? String(err) };
  }
}

const FEED_ROOT = /^(?:\s*(?:<\?[\s\S]*?\?>|<!--[\s\S]*?-->))*\s*<(rss|feed|rdf:rdf|channel)\b/i;

function parseXml(text: string, baseUrl: string): RawFeed | ParseFailure {
  if (looksLikeHtml(text)) {
    const alternateUrl = discoverAlternate(text, baseUrl);
    const hint = alternateUrl ? `; the page links to a feed at ${alternateUrl}` : '';
    return { status: 'error', kind: 'not_a_feed', message: `an HTML page, not a feed${hint}`, alternateUrl };
  }
  const xml = prepareXml(text);
  let attempt = tryFeedsmith(xml);
  // A response cut off mid-tag ("</rss" without ">"): drop the fragment and keep what is whole (R15).
  if ('error' in attempt && /<[^>]*$/.test(xml)) attempt = tryFeedsmith(xml.replace(/<[^>]*$/, ''));
  if (!('error' in attempt)) return attempt;
  const root = FEED_ROOT.exec(xml)?.[1]?.toLowerCase();
  const isFeedRoot = root !== undefined;
  if (isFeedRoot && !/<(item|entry)\b/i.test(xml)) {
    // A well-rooted feed with no entries (feedsmith calls it invalid): an empty feed, not an error.
    const title = /<title[^>]*>([\s\S]*?)<\/title>/i.exec(xml)?.[1] ?? null;
    return { format: root === 'feed' ? 'atom' : 'rss', title, link: null, base: null, ttlMinutes: null, items: [] };
  }
  const kind = isFeedRoot ? 'parse_error' : 'not_a_feed';
  const what = kind === 'not_a_feed' ? 'not a recognised feed format' : 'malformed feed XML';
  return { status: 'error', kind, message: `${what} (${attempt.error})` };
}

/** Parses feed text (already decoded) fetched from baseUrl. */
export function parseFeed(body: string, baseUrl: string, options: { now?: Date } = {}): ParseResult {
  const text = body.replace(/^\uFEFF/, '');
  if (!text.trim()) return { status: 'error', kind: 'empty', message: 'empty body' };
  const trimmed = text.trimStart();
  const raw = trimmed.startsWith('{') ? parseJson(trimmed) : parseXml(text, baseUrl);
  if ('status' in raw) return raw;
  return {
    status: 'ok',
    format: raw.format,
    title: raw.title ? toPlainText(raw.title) || null : null,
    ttlMinutes: raw.ttlMinutes,
    items: normalizeItems(raw, baseUrl, options.now ?? new Date()),
  };
}
