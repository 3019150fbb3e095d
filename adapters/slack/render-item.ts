/**
 * Block Kit for one feed item: the post for a delivered item, the one-line thread reply for a
 * later report of its story, and a compact two-block form for lists so twenty items still fit
 * Slack's 50-block limit.
 */
import type { types } from '@slack/bolt';
import type { MessageItem } from '../../src/index.js';
import { formatHumanTime, regionMarks, truncateAtWord } from '../../src/index.js';
import { escapeSlackText, fitEscaped, mrkdwnLink } from './escape-text.js';
import { renderPostActions } from './post-actions.js';

type KnownBlock = types.KnownBlock;

/** Block Kit limits (https://docs.slack.dev/reference/block-kit/blocks). */
export const LIMITS = {
  blocks: 50,
  homeBlocks: 100,
  header: 150,
  section: 3000,
  field: 2000,
  contextElements: 10,
  buttonText: 75,
  buttonValue: 2000,
  actionsElements: 25,
} as const;

/** Summary length in list entries: enough to judge the item, short enough to scan twenty. */
const COMPACT_SUMMARY = 280;
/** Longest title shown as a link (a linked title cannot use the 150-character header block). */
const TITLE_MAX = 300;

/**
 * Slack's own date token, shown in the reader's time zone ("Yesterday at 09:00", "Dec 1st at
 * 09:00"); the fallback is for clients that cannot render it. Built here, never from feed text.
 */
export function slackDate(date: Date | null): string | null {
  if (!date || Number.isNaN(date.getTime())) return null;
  const seconds = Math.floor(date.getTime() / 1000);
  return `<!date^${seconds}^{date_short_pretty} at {time}|${escapeSlackText(formatHumanTime(date))}>`;
}

/** `#37`: the reference `why` accepts. */
export function itemReference(item: MessageItem): string | null {
  return item.id === undefined ? null : `#${item.id}`;
}

/**
 * The line under a post saying why it is here, then from whom, when, and its reference:
 * "Matched AI & automated decisions · Demo Newsroom · Yesterday at 09:00 · #37". Lists, which
 * have no single reason, show the item's topic labels instead.
 */
export function itemContextText(item: MessageItem): string {
  const parts = [
    item.reason ?? null,
    item.source,
  ].filter((part): part is string => Boolean(part)).map(escapeSlackText);
  const date = slackDate(item.publishedAt);
  if (date) parts.push(date);
  if (!item.reason && item.topics.length > 0) parts.push(escapeSlackText(item.topics.join(', ')));
  if (item.jurisdictions?.length) parts.push(escapeSlackText(regionMarks(item.jurisdictions)));
  if (item.note) parts.push(escapeSlackText(item.note));
  const reference = itemReference(item);
  if (reference) parts.push(reference);
  return fitEscapedParts(parts.join(' · '));
}

function fitEscapedParts(text: string): string {
  return text.length <= LIMITS.section ? text : text.slice(0, LIMITS.section - 1) + '…';
}

function linkedTitle(item: MessageItem): string {
  // The raw title is escaped inside mrkdwnLink; cap it first so the entry stays scannable.
  return `*${mrkdwnLink(item.url, truncateAtWord(item.title || '(untitled)', TITLE_MAX))}*`;
}

/**
 * A delivered post: the title is the link (no separate "Open" button repeating it), the summary
 * under it, then the context line.
 */
export function renderItemCard(item: MessageItem): KnownBlock[] {
  const title = linkedTitle(item);
  const summary = item.summary ? `\n${fitEscaped(item.summary, LIMITS.section - title.length - 1)}` : '';
  return [
    { type: 'section', text: { type: 'mrkdwn', text: title + summary } },
    { type: 'context', elements: [{ type: 'mrkdwn', text: itemContextText(item) }] },
    ...renderPostActions(item),
  ];
}

/** Two blocks per list entry: linked bold title and short summary, then context. */
export function renderItemCompact(item: MessageItem): KnownBlock[] {
  const summary = item.summary ? `\n${fitEscaped(item.summary, COMPACT_SUMMARY)}` : '';
  return [
    { type: 'section', text: { type: 'mrkdwn', text: linkedTitle(item) + summary } },
    { type: 'context', elements: [{ type: 'mrkdwn', text: itemContextText(item) }] },
  ];
}

/** A later report of a story, in its thread: one line, "Also covered by <source> · date · #38". */
export function renderAlsoCovered(item: MessageItem): KnownBlock[] {
  const parts = [`Also covered by *${mrkdwnLink(item.url, item.source)}*`];
  const date = slackDate(item.publishedAt);
  if (date) parts.push(date);
  const reference = itemReference(item);
  if (reference) parts.push(reference);
  return [{ type: 'context', elements: [{ type: 'mrkdwn', text: fitEscapedParts(parts.join(' · ')) }] }];
}
