/**
 * Renders the platform-neutral ChatMessage as an Adaptive Card 1.5 (Teams renders up to 1.5)
 * plus its plain-text fallback. Every string from feeds is escaped (card-markdown.ts) and the
 * card is kept under Teams' 28 KB message limit by trimming long lists to "and N more".
 */
import type { ChatMessage, MessageItem, MessageButton } from '../../src/index.js';
import { regionMarks, truncateAtWord } from '../../src/index.js';
import { coreCardMarkdown, escapeCardMarkdown, markdownLink, safeHttpUrl } from './card-markdown.js';
import { renderPostActions } from './post-actions.js';
import { fitItemsToBudget, type AdaptiveCard, type CardElement, type ItemList } from './fit-card.js';

export type { AdaptiveCard, CardElement };

/** What render-card produces: the card and the short plain-text summary for notifications. */
export interface RenderedCard {
  card: AdaptiveCard;
  summary: string;
}

/** Teams refuses messages over about 28 KB; keep the card itself well inside that. */
export const CARD_BYTE_BUDGET = 26_000;
const TITLE_MAX = 250;
const SUMMARY_MAX = 500;
const LINE_MAX = 1_000;
const FALLBACK_MAX = 2_000;
const LINES_TOTAL_MAX = 6_000;
const FIELDS_MAX = 12;

/** truncateAtWord on a pre-cut string: segmenting a 100 KB summary only to keep 500 chars is slow. */
function clip(value: string, max: number): string {
  return truncateAtWord(value.length > max + 64 ? value.slice(0, max + 64) : value, max);
}

function text(value: string, extra: Record<string, unknown> = {}): CardElement {
  return { type: 'TextBlock', text: value, wrap: true, ...extra };
}

/**
 * Teams' own date function: each reader sees the date in their locale and time zone. The
 * timestamp must be RFC 3339 without milliseconds for Teams to recognise it.
 */
export function cardDate(date: Date | null): string | null {
  if (!date || Number.isNaN(date.getTime())) return null;
  const stamp = date.toISOString().replace(/\.\d{3}Z$/, 'Z');
  return `{{DATE(${stamp}, SHORT)}} {{TIME(${stamp})}}`;
}

function metaLine(parts: Array<string | null | undefined>): string {
  return parts.filter((part): part is string => Boolean(part)).join(' · ');
}

/**
 * One item: linked title, summary, then why it is here, source, date and the `#37` reference
 * `why` accepts. Lists, which have no single reason, show the item's topic labels instead.
 */
export function renderItem(item: MessageItem): CardElement {
  const title = clip(item.title || '(untitled)', TITLE_MAX);
  const escaped = (part: string | undefined) => (part ? escapeCardMarkdown(clip(part, 200)) : null);
  const meta = metaLine([
    escaped(item.reason),
    escaped(item.source),
    cardDate(item.publishedAt),
    item.reason ? null : escaped(item.topics.join(', ')),
    escaped(regionMarks(item.jurisdictions ?? [])),
    escaped(item.note),
    item.id === undefined ? null : `#${item.id}`,
  ]);
  const body: CardElement[] = [text(markdownLink(title, item.url), { weight: 'Bolder' })];
  if (item.summary) body.push(text(escapeCardMarkdown(clip(item.summary, SUMMARY_MAX)), { spacing: 'Small' }));
  if (meta) body.push(text(meta, { size: 'Small', isSubtle: true, spacing: 'Small' }));
  return { type: 'Container', separator: true, spacing: 'Medium', items: body };
}

/** A later report of a story, in its thread: one line, "Also covered by <source> · date · #38". */
export function renderAlsoCovered(item: MessageItem): CardElement {
  const line = metaLine([
    `Also covered by ${markdownLink(clip(item.source, 200), item.url)}`,
    cardDate(item.publishedAt),
    item.id === undefined ? null : `#${item.id}`,
  ]);
  return text(line, { size: 'Small' });
}

function renderButton(button: MessageButton): CardElement | null {
  const title = clip(button.label, 40);
  const url = safeHttpUrl(button.url);
  if (url) return { type: 'Action.OpenUrl', title, url };
  // imBack makes Teams post the command as if the user typed it, so it takes the normal path.
  if (button.command) return { type: 'Action.Submit', title, data: { msteams: { type: 'imBack', value: button.command } } };
  return null;
}

function headerElements(message: ChatMessage): CardElement[] {
  const out: CardElement[] = [];
  const color = message.kind === 'error' ? 'Attention' : undefined;
  if (message.title) {
    out.push(text(coreCardMarkdown(clip(message.title, TITLE_MAX)), { size: 'Medium', weight: 'Bolder', color }));
  }
  // Paragraphs share a fixed allowance so the item lists always keep room in the byte budget.
  let allowance = LINES_TOTAL_MAX;
  const lines = message.lines ?? [];
  for (const [i, line] of lines.entries()) {
    if (allowance <= 0) {
      out.push(text(`and ${lines.length - i} more lines`, { isSubtle: true, size: 'Small' }));
      break;
    }
    const kept = clip(line, Math.min(LINE_MAX, Math.max(allowance, 40)));
    allowance -= kept.length;
    out.push(text(coreCardMarkdown(kept)));
  }
  if (!message.title && !message.lines?.length && !message.items?.length && !message.sections?.length) {
    out.push(text(coreCardMarkdown(clip(message.text, LINE_MAX)), { color }));
  }
  return out;
}

function listsOf(message: ChatMessage): ItemList[] {
  const lists: ItemList[] = [];
  if (message.items?.length) lists.push({ heading: null, items: message.items, more: null });
  for (const section of message.sections ?? []) {
    lists.push({ heading: section.heading, items: section.items, more: section.more ?? null });
  }
  return lists;
}

function trailerElements(message: ChatMessage): CardElement[] {
  const out: CardElement[] = [];
  if (message.fields?.length) {
    const facts = message.fields.slice(0, FIELDS_MAX).map((f) => ({
      title: coreCardMarkdown(clip(f.label, 80)),
      value: coreCardMarkdown(clip(f.value, 300)),
    }));
    out.push({ type: 'FactSet', facts, separator: true });
  }
  if (message.footer) {
    out.push(text(coreCardMarkdown(clip(message.footer, LINE_MAX)), { size: 'Small', isSubtle: true, separator: true }));
  }
  return out;
}

/** Renders a ChatMessage as an Adaptive Card 1.5 that always fits the byte budget. */
export function renderCard(message: ChatMessage, budget = CARD_BYTE_BUDGET): RenderedCard {
  // The notification text: plain words, no raw links (the card itself carries them) or backticks.
  const fallback = clip(message.text.replace(/https?:\/\/\S+/g, '').replace(/`/g, '').replace(/\s+/g, ' ').trim(), FALLBACK_MAX);
  const actions = (message.buttons ?? [])
    .map(renderButton)
    .filter((a): a is CardElement => a !== null)
    .concat(renderPostActions(message))
    // Teams' host config allows at most 5 top-level actions.
    .slice(0, 5);
  const card: AdaptiveCard = {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    fallbackText: fallback,
    body: [],
    ...(actions.length ? { actions } : {}),
    msteams: { width: 'Full' },
  };
  const head = headerElements(message);
  const tail = trailerElements(message);
  if (message.kind === 'story_update' && message.items?.[0]) {
    card.body = [renderAlsoCovered(message.items[0])];
    return { card, summary: clip(fallback, 250) };
  }
  card.body = fitItemsToBudget(card, head, listsOf(message), tail, budget, renderItem);
  return { card, summary: clip(fallback, 250) };
}
