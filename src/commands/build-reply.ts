import { toMessageItem, type ChatMessage, type MessageItem } from '../chat/message.js';
import type { StoredItem } from '../core/types.js';
import { groupByStory } from '../stories/group-by-story.js';

/** A private reply (replies are private to the asker unless `public` was asked for: docs/commands.md). */
export function reply(message: ChatMessage): ChatMessage {
  return { visibility: 'private', kind: 'reply', ...message };
}

/** The reply to command text over the length limit: how long it was and what the limit is. */
export function tooLongReply(length: number, limit: number): ChatMessage {
  const count = (n: number) => n.toLocaleString('en-US');
  const sentence = `That command is ${count(length)} characters long; the limit is ${count(limit)} characters.`;
  return { kind: 'error', visibility: 'private', text: `${sentence} Try \`help\`.`, lines: [sentence, 'Try `help`.'] };
}

/** "What was wrong" plus an example of the right form; never a stack trace. */
export function problemReply(problem: string, example: string): ChatMessage {
  const capitalised = problem.charAt(0).toUpperCase() + problem.slice(1);
  const sentence = /[.?!]$/.test(capitalised) ? capitalised : `${capitalised}.`;
  return {
    kind: 'error',
    visibility: 'private',
    text: `${sentence} Example: \`${example}\``,
    lines: [sentence, `Example: \`${example}\``],
  };
}

/** One entry per story, noting "+N sources" when others covered it too. */
export function toStoryItems(items: StoredItem[], limit: number): MessageItem[] {
  return groupByStory(items)
    .slice(0, limit)
    .map(({ lead, others }) => {
      const sources = new Set(others.map((other) => other.source).filter((source) => source !== lead.source));
      const extra = sources.size;
      return extra > 0 ? toMessageItem(lead, `+${extra} ${extra === 1 ? 'source' : 'sources'}`) : toMessageItem(lead);
    });
}

/** Plain-text fallback for a list of items. */
export function listText(heading: string, items: MessageItem[]): string {
  const lines = items.map((item) => `• ${item.title}${item.note ? ` (${item.note})` : ''}${item.url ? ` ${item.url}` : ''}`);
  return [heading, ...lines].join('\n');
}
