/**
 * Fits item lists into an Adaptive Card under a byte budget: items are kept in display order
 * while they fit, each trimmed list ends with "and N more", and the result is never an error
 * (Teams rejects messages over about 28 KB, so an oversized card would be a lost delivery).
 */
import type { MessageItem } from '../../src/index.js';
import { escapeCardMarkdown } from './card-markdown.js';

/** One Adaptive Card element or action (the schema's open JSON shape). */
export type CardElement = { type: string } & Record<string, unknown>;

/** The card JSON as sent in an attachment of contentType application/vnd.microsoft.card.adaptive. */
export interface AdaptiveCard {
  type: 'AdaptiveCard';
  $schema: string;
  version: '1.5';
  fallbackText: string;
  body: CardElement[];
  actions?: CardElement[];
  msteams: { width: 'Full' };
}

/** A list of items under an optional heading, with the core's own "and N more" note. */
export interface ItemList {
  heading: string | null;
  items: MessageItem[];
  more: string | null;
}

const byteSize = (value: unknown): number => Buffer.byteLength(JSON.stringify(value), 'utf8');

function moreText(list: ItemList, dropped: number): string | null {
  if (dropped === 0) return list.more;
  const coreCount = /^and (\d+) more$/i.exec(list.more ?? '');
  if (coreCount?.[1]) return `and ${dropped + Number(coreCount[1])} more`;
  return list.more ? `and ${dropped} more (${list.more})` : `and ${dropped} more`;
}

function moreElement(value: string): CardElement {
  // The note is built from our own counts and the core's text; escape it like any other string.
  return { type: 'TextBlock', text: escapeCardMarkdown(value), wrap: true, isSubtle: true, size: 'Small' };
}

function assemble(
  head: CardElement[],
  lists: ItemList[],
  rendered: CardElement[][],
  keep: number[],
  tail: CardElement[],
  headingFor: (heading: string) => CardElement,
): CardElement[] {
  const body = [...head];
  lists.forEach((list, i) => {
    if (list.heading) body.push(headingFor(list.heading));
    const kept = keep[i] ?? 0;
    body.push(...(rendered[i] ?? []).slice(0, kept));
    const more = moreText(list, list.items.length - kept);
    if (more) body.push(moreElement(more));
  });
  body.push(...tail);
  return body;
}

/** Builds the card body, dropping trailing items until the whole card fits `budget` bytes. */
export function fitItemsToBudget(
  card: AdaptiveCard,
  head: CardElement[],
  lists: ItemList[],
  tail: CardElement[],
  budget: number,
  renderItem: (item: MessageItem) => CardElement,
  headingFor: (heading: string) => CardElement = (h) => ({
    type: 'TextBlock',
    text: escapeCardMarkdown(h),
    wrap: true,
    weight: 'Bolder',
    separator: true,
    spacing: 'Large',
  }),
): CardElement[] {
  // Items are rendered lazily while they fit, so a 100k-item input costs no more than a full card.
  const rendered: CardElement[][] = lists.map(() => []);
  const sizeWith = (keep: number[]) => byteSize({ ...card, body: assemble(head, lists, rendered, keep, tail, headingFor) });
  // Base size with no items (and the worst-case "and N more" notes), then add items greedily.
  const keep = lists.map(() => 0);
  let used = sizeWith(keep) + lists.length * 40;
  lists.forEach((list, i) => {
    for (const item of list.items) {
      const element = renderItem(item);
      const cost = byteSize(element) + 1;
      if (used + cost > budget) break;
      used += cost;
      rendered[i]!.push(element);
      keep[i] = (keep[i] ?? 0) + 1;
    }
  });
  // The greedy sum is an estimate; correct it against the real serialisation.
  let total = keep.reduce((a, b) => a + b, 0);
  while (total > 0 && sizeWith(keep) > budget) {
    const last = keep.findLastIndex((k) => k > 0);
    keep[last] = (keep[last] ?? 1) - 1;
    total--;
  }
  const body = assemble(head, lists, rendered, keep, tail, headingFor);
  if (byteSize({ ...card, body }) <= budget) return body;
  // Still too big without any items (thousands of header lines): fall back to the plain text.
  return [{ type: 'TextBlock', text: escapeCardMarkdown(card.fallbackText), wrap: true }];
}
