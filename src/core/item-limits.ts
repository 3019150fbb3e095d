/**
 * The longest item text the bot keeps (characters). Normalisation cuts feed text to these, and
 * the store enforces them again for any other writer, so one oversized field can never fail a
 * whole feed's insert (PostgreSQL refuses a tsvector over 1 MB) or slow every later step.
 */
import { truncateAtWord } from '../text/plain-text.js';

export const ITEM_TEXT_LIMITS = { title: 500, summary: 2_000, url: 2_048 } as const;

/** The link, or null when it is too long to be a real article link (a cut link points elsewhere). */
export function boundUrl(url: string | null): string | null {
  return url !== null && url.length > ITEM_TEXT_LIMITS.url ? null : url;
}

/** Title and summary cut at a word, and an overlong link dropped (see boundUrl). */
export function boundItemText<T extends { title: string; summary: string; url: string | null }>(item: T): T {
  const { title, summary, url } = ITEM_TEXT_LIMITS;
  if (item.title.length <= title && item.summary.length <= summary && (item.url?.length ?? 0) <= url) return item;
  return {
    ...item,
    title: truncateAtWord(item.title, title),
    summary: truncateAtWord(item.summary, summary),
    url: boundUrl(item.url),
  };
}
