/**
 * Identity keys (docs/ingestion.md R19): guid / atom:id / JSON id, else the canonical link without
 * tracking parameters, else a hash of title and content. Never date-based.
 */
import { createHash } from 'node:crypto';
import { canonicalLink } from './resolve-url.js';

/** Short stable hash for keys (not security-relevant). */
export function shortHash(...parts: string[]): string {
  return createHash('sha256').update(parts.join('\u0000')).digest('hex').slice(0, 16);
}

/** The identity key of one item; never empty. */
export function itemKey(guid: string | null, url: string | null, title: string, content: string): string {
  const id = guid?.trim();
  if (id) return id;
  if (url) return canonicalLink(url);
  return `sha256:${shortHash(title, content)}`;
}

// Longer keys (a guid of 100,000 characters) are replaced by their hash: same item, same key.
const MAX_KEY_CHARS = 2_048;

/** The key itself when it is of a sane length, else a stable hash of it. */
export function boundKey(key: string): string {
  return key.length <= MAX_KEY_CHARS ? key : `sha256:${shortHash(key)}`;
}

interface Keyed {
  key: string;
  title: string;
  url: string | null;
  description: string;
  content: string;
}

/**
 * A key repeated within one document (a CMS giving every item the home page as guid) gets a
 * content suffix on EVERY occurrence, so a new item arriving on top cannot inherit an old key
 * and be missed. Exact duplicates are dropped.
 */
export function disambiguateKeys<T extends Keyed>(items: T[]): T[] {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(item.key, (counts.get(item.key) ?? 0) + 1);
  const seen = new Set<string>();
  const out: T[] = [];
  for (const item of items) {
    const key = (counts.get(item.key) ?? 0) > 1
      ? `${item.key}#${shortHash(item.title, item.url ?? '', item.description, item.content)}`
      : item.key;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(key === item.key ? item : { ...item, key });
  }
  return out;
}
