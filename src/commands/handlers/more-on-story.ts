import { toMessageItem, type ChatMessage } from '../../chat/message.js';
import { problemReply, reply } from '../build-reply.js';
import type { HandlerContext } from './handler-context.js';

/** At most this many other reports are listed (a story can gather dozens). */
const MAX_REPORTS = 10;

/** "More on this story": every other stored report of the item's story, earliest first. */
export async function handleMoreOnStory(itemId: number, { deps }: HandlerContext): Promise<ChatMessage> {
  const item = await deps.store.items.getById(itemId);
  if (!item) return problemReply(`item #${itemId} is no longer stored`, 'latest');
  const others = item.storyId === null ? [] : (await deps.store.items.byStory(item.storyId)).filter((member) => member.id !== item.id);
  const title = `More on: ${item.title}`;
  if (others.length === 0) {
    const text = `No other source has reported this story yet (#${item.id}, ${item.source}).`;
    return reply({ text, title, lines: [text] });
  }
  const listed = others.slice(0, MAX_REPORTS).map((member) => toMessageItem(member));
  const more = others.length > listed.length ? `and ${others.length - listed.length} more` : undefined;
  const heading = `${others.length} other ${others.length === 1 ? 'report' : 'reports'} of this story`;
  return reply({
    text: [title, ...listed.map((entry) => `• ${entry.source}: ${entry.title}${entry.url ? ` ${entry.url}` : ''}`)].join('\n'),
    title,
    sections: [{ heading, items: listed, ...(more ? { more } : {}) }],
  });
}
