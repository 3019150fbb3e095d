/**
 * ChatMessage to Block Kit. Every string from the core is escaped here (feed text is raw in a
 * ChatMessage); the result always carries fallback `text` for notifications and screen readers,
 * and stays within Slack's limits: 50 blocks, 3000 characters a section, 150 a header.
 */
import type { types } from '@slack/bolt';
import type { ChatMessage, MessageButton, MessageItem } from '../../src/index.js';
import { escapeSlackText, fitEscaped, safeLinkUrl } from './escape-text.js';
import { LIMITS, renderAlsoCovered, renderItemCard, renderItemCompact } from './render-item.js';

type KnownBlock = types.KnownBlock;

/** What a Slack message needs besides its destination. */
export interface SlackMessageBody {
  text: string;
  blocks: KnownBlock[];
}

/** Renders a platform-neutral message as Block Kit within `maxBlocks` (50 for messages). */
export function renderBlocks(message: ChatMessage, maxBlocks: number = LIMITS.blocks): SlackMessageBody {
  const head = renderHead(message);
  const tail = renderTail(message);
  const groups = renderItemGroups(message);
  const room = maxBlocks - head.length - tail.length - 1; // keep one block for "n more"
  const body: KnownBlock[] = [];
  let omitted = 0;
  for (const group of groups) {
    if (omitted === 0 && body.length + group.blocks.length <= room) body.push(...group.blocks);
    else omitted += group.itemCount;
  }
  if (omitted > 0) body.push(contextBlock(`…and ${omitted} more not shown here.`));
  const blocks = [...head, ...body, ...tail].slice(0, maxBlocks);
  return { text: fallbackText(message), blocks };
}

/** The notification text: the core's plain text, escaped, within a section's limit. */
export function fallbackText(message: ChatMessage): string {
  const text = message.text.trim() || message.title || 'Privacy Radar';
  return fitEscaped(text, LIMITS.section);
}

function renderHead(message: ChatMessage): KnownBlock[] {
  const blocks: KnownBlock[] = [];
  if (message.title) {
    blocks.push({ type: 'header', text: { type: 'plain_text', text: fitEscaped(message.title, LIMITS.header) } });
  }
  const lines = (message.lines ?? []).filter((line) => line.trim() !== '');
  if (lines.length > 0) {
    blocks.push(sectionBlock(lines.map(escapeSlackText).join('\n')));
  }
  const fields = message.fields ?? [];
  for (let i = 0; i < fields.length; i += 10) {
    // A section holds at most 10 fields of 2000 characters each.
    const chunk = fields.slice(i, i + 10).map((field) => ({
      type: 'mrkdwn' as const,
      text: `*${fitEscaped(field.label, 200)}*\n${fitEscaped(field.value, LIMITS.field - 210)}`,
    }));
    blocks.push({ type: 'section', fields: chunk });
  }
  return blocks;
}

interface ItemGroup {
  blocks: KnownBlock[];
  itemCount: number;
}

function renderItemGroups(message: ChatMessage): ItemGroup[] {
  const items = message.items ?? [];
  const groups: ItemGroup[] = [];
  // A single delivered item gets the full card; lists use the compact form.
  const single = items.length === 1 && !message.sections?.length && (message.kind === 'item' || !message.title);
  const render = message.kind === 'story_update' ? renderAlsoCovered : single ? renderItemCard : renderItemCompact;
  for (const item of items) groups.push({ blocks: render(item), itemCount: 1 });
  for (const section of message.sections ?? []) {
    groups.push({ blocks: [{ type: 'divider' }, sectionBlock(`*${fitEscaped(section.heading, 500)}*`)], itemCount: 0 });
    groups.push(...section.items.map((item: MessageItem) => ({ blocks: renderItemCompact(item), itemCount: 1 })));
    if (section.more) groups.push({ blocks: [contextBlock(escapeSlackText(section.more))], itemCount: 0 });
  }
  return groups;
}

function renderTail(message: ChatMessage): KnownBlock[] {
  const blocks: KnownBlock[] = [];
  const buttons = (message.buttons ?? []).map(renderButton).filter((b): b is types.Button => b !== null);
  for (let i = 0; i < buttons.length; i += LIMITS.actionsElements) {
    blocks.push({ type: 'actions', elements: buttons.slice(i, i + LIMITS.actionsElements) });
  }
  if (message.footer) blocks.push(contextBlock(fitEscaped(message.footer, LIMITS.section)));
  return blocks;
}

/** Buttons either open a link or run a `/privacy` command (action id privacy_command). */
function renderButton(button: MessageButton, index: number): types.Button | null {
  const text = { type: 'plain_text' as const, text: fitEscaped(button.label, LIMITS.buttonText) };
  const url = safeLinkUrl(button.url);
  if (url) return { type: 'button', action_id: `open_link_${index}`, text, url };
  if (button.command && button.command.length <= LIMITS.buttonValue) {
    return { type: 'button', action_id: `privacy_command_${index}`, text, value: button.command };
  }
  return null;
}

function sectionBlock(mrkdwn: string): KnownBlock {
  const text = mrkdwn.length <= LIMITS.section ? mrkdwn : `${mrkdwn.slice(0, LIMITS.section - 1)}…`;
  return { type: 'section', text: { type: 'mrkdwn', text } };
}

function contextBlock(mrkdwn: string): KnownBlock {
  return { type: 'context', elements: [{ type: 'mrkdwn', text: mrkdwn }] };
}
