import { generateOpml, parseOpml } from 'feedsmith';
import type { FeedConfig } from '../core/types.js';
import { ConfigError } from './config-error.js';
import { feedSchema } from './feeds-config.js';

interface Outline {
  text?: string;
  title?: string;
  xmlUrl?: string;
  outlines?: Outline[];
}

/** feeds.json's feeds as an OPML 2.0 document (what other feed readers import). */
export function feedsToOpml(feeds: FeedConfig[]): string {
  const outlines = feeds.map((feed) => ({ text: feed.name ?? feed.id, title: feed.name ?? feed.id, type: 'rss', xmlUrl: feed.url }));
  return generateOpml({ head: { title: 'Privacy Radar feeds' }, body: { outlines } });
}

/** A feeds.json id from a title: lowercase letters, digits and single dashes. */
export function slugId(text: string): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 48)
    .replace(/-+$/, '');
  return slug || 'feed';
}

/**
 * Reads an OPML document's feed outlines (nested folders included) as feeds.json entries.
 * URLs already configured are skipped; ids are made unique against the existing ones.
 */
export function feedsFromOpml(opml: string, existing: FeedConfig[], fileName = 'OPML file'): { added: FeedConfig[]; skipped: string[] } {
  let document: { body?: { outlines?: Outline[] } };
  try {
    document = parseOpml(opml) as typeof document;
  } catch (error) {
    throw new ConfigError(fileName, [`not a valid OPML document (${(error as Error).message})`]);
  }
  const urls = new Set(existing.map((feed) => feed.url));
  const ids = new Set(existing.map((feed) => feed.id));
  const added: FeedConfig[] = [];
  const skipped: string[] = [];
  const visit = (outline: Outline) => {
    outline.outlines?.forEach(visit);
    if (!outline.xmlUrl) return;
    const name = (outline.title ?? outline.text ?? '').trim();
    const candidate = { id: uniqueId(slugId(name || new URL(outline.xmlUrl, 'http://x').hostname), ids), url: outline.xmlUrl, ...(name ? { name } : {}) };
    if (urls.has(candidate.url)) return void skipped.push(`${candidate.url} (already configured)`);
    const checked = feedSchema.safeParse(candidate);
    if (!checked.success) return void skipped.push(`${outline.xmlUrl} (${checked.error.issues[0]?.message ?? 'invalid'})`);
    urls.add(candidate.url);
    ids.add(candidate.id);
    added.push(checked.data);
  };
  document.body?.outlines?.forEach(visit);
  return { added, skipped };
}

function uniqueId(base: string, taken: Set<string>): string {
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  return id;
}
