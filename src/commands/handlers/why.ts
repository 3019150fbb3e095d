import type { ChatMessage } from '../../chat/message.js';
import type { StoredItem } from '../../core/types.js';
import { problemReply, reply, toMessageItem } from '../build-reply.js';
import { EXAMPLES, type ParsedCommand } from '../parse-command.js';
import { topicsById } from '../topic-problems.js';
import type { HandlerContext } from './handler-context.js';

type WhyCommand = Extract<ParsedCommand, { name: 'why' }>;

const MAX_STORY_LINES = 5;

/** Slack wraps links as `<https://x|label>`; the id may be typed as `#123`. */
export function cleanTarget(target: string): string {
  return target.trim().replace(/^<([^|>]+)(\|[^>]*)?>$/, '$1').replace(/^#/, '');
}

/** `why <item url or id>`: the item's topics with the phrases that matched, and its story. */
export async function handleWhy(command: WhyCommand, { deps }: HandlerContext): Promise<ChatMessage> {
  const target = cleanTarget(command.target);
  let item: StoredItem | null = null;
  if (/^\d{1,15}$/.test(target)) item = await deps.store.items.getById(Number(target));
  else if (/^https?:\/\/\S+$/i.test(target)) item = await deps.store.items.getByUrl(target);
  else return problemReply(`"${target}" is neither an item link (https://...) nor an item id`, EXAMPLES.why);
  if (!item) return problemReply(`no stored item matches "${target}"`, EXAMPLES.why);
  const lines = item.topics.length === 0
    ? ['No topic matched this item.']
    : topicsById(item.topics, deps.topics).map((topic) => {
        const terms = item.why[topic.id] ?? [];
        return `${topic.label} (${topic.id}): ${terms.length > 0 ? `matched ${terms.map((t) => `"${t}"`).join(', ')}` : 'from the feed’s default topics'}`;
      });
  if (item.storyId !== null) {
    const others = (await deps.store.items.byStory(item.storyId)).filter((other) => other.id !== item.id);
    if (others.length > 0) {
      lines.push(`Same story (${others.length} more ${others.length === 1 ? 'item' : 'items'}):`);
      lines.push(...others.slice(0, MAX_STORY_LINES).map((other) => `• ${other.source}: ${other.title}`));
    }
  }
  const title = `Why: ${item.title}`;
  return reply({ text: [title, ...lines].join('\n'), title, items: [toMessageItem(item)], lines });
}
