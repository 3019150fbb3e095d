/**
 * Block Kit for one feed item: the full card for a delivered item, and a compact two-block
 * form for lists so twenty items still fit Slack's 50-block limit.
 */
import type { types } from '@slack/bolt';
import type { MessageItem } from '../../src/index.js';
import { regionMarks, truncateAtWord } from '../../src/index.js';
import { escapeSlackText, fitEscaped, mrkdwnLink, safeLinkUrl } from './escape-text.js';

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

/** "Source · 5 Jan 2026 · ai, gdpr · EU" with every part escaped; the date renders in the reader's zone. */
export function itemContextText(item: MessageItem): string {
  const parts = [escapeSlackText(item.source)];
  if (item.publishedAt && !Number.isNaN(item.publishedAt.getTime())) {
    const seconds = Math.floor(item.publishedAt.getTime() / 1000);
    const fallback = item.publishedAt.toISOString().slice(0, 10);
    // <!date^...> is Slack's own date token (built here, never from feed text).
    parts.push(`<!date^${seconds}^{date_short}|${fallback}>`);
  }
  if (item.topics.length > 0) parts.push(escapeSlackText(item.topics.join(', ')));
  if (item.jurisdictions?.length) parts.push(escapeSlackText(regionMarks(item.jurisdictions)));
  if (item.note) parts.push(escapeSlackText(item.note));
  return fitEscapedParts(parts.join(' · '));
}

function fitEscapedParts(text: string): string {
  return text.length <= LIMITS.section ? text : text.slice(0, LIMITS.section - 1) + '…';
}

function openButton(url: string): types.Button {
  return { type: 'button', action_id: 'open_item', text: { type: 'plain_text', text: 'Open' }, url };
}

/** The full card: header (plain text title), summary, context line and an "Open" button. */
export function renderItemCard(item: MessageItem): KnownBlock[] {
  const blocks: KnownBlock[] = [
    { type: 'header', text: { type: 'plain_text', text: fitEscaped(item.title || '(untitled)', LIMITS.header) } },
  ];
  if (item.summary) {
    blocks.push({ type: 'section', text: { type: 'mrkdwn', text: fitEscaped(item.summary, LIMITS.section) } });
  }
  blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: itemContextText(item) }] });
  const url = safeLinkUrl(item.url);
  if (url) blocks.push({ type: 'actions', elements: [openButton(url)] });
  return blocks;
}

/** Two blocks per list entry: linked bold title and short summary (with an Open button), then context. */
export function renderItemCompact(item: MessageItem): KnownBlock[] {
  // The raw title is escaped inside mrkdwnLink; cap it first so the entry stays scannable.
  const title = `*${mrkdwnLink(item.url, truncateAtWord(item.title || '(untitled)', 300))}*`;
  const summary = item.summary ? `\n${fitEscaped(item.summary, COMPACT_SUMMARY)}` : '';
  const section: types.SectionBlock = { type: 'section', text: { type: 'mrkdwn', text: title + summary } };
  const url = safeLinkUrl(item.url);
  if (url) section.accessory = openButton(url);
  return [section, { type: 'context', elements: [{ type: 'mrkdwn', text: itemContextText(item) }] }];
}
