import { toMessageItem, type ChatMessage } from '../../chat/message.js';
import type { StoredItem } from '../../core/types.js';
import { problemReply, reply } from '../build-reply.js';
import { EXAMPLES, type ParsedCommand } from '../parse-command.js';
import { topicsById } from '../topic-problems.js';
import type { HandlerContext } from './handler-context.js';
import { regionMarks } from '../../core/regions.js';
import { describeStoryLinks, explainStory } from '../../stories/explain-story.js';
import { explainForChannel } from './why-channel.js';

type WhyCommand = Extract<ParsedCommand, { name: 'why' }>;

const MAX_STORY_LINES = 5;

/** Slack wraps links as `<https://x|label>`; the id may be typed as `#123`. */
export function cleanTarget(target: string): string {
  return target.trim().replace(/^<([^|>]+)(\|[^>]*)?>$/, '$1').replace(/^#/, '');
}

/** `Regions: EU (matched "CNIL"), US (matched "FTC")`; null (no line) when the item names none. */
function describeJurisdictions(item: StoredItem): string | null {
  if (item.jurisdictions.length === 0) return null;
  return `Regions: ${item.jurisdictions.map((id) => {
    const terms = item.jurisdictionWhy[id] ?? [];
    return `${regionMarks([id])}${terms.length > 0 ? ` (matched ${terms.map((t) => `"${t}"`).join(', ')})` : ''}`;
  }).join(', ')}`;
}

/** `why <item url or id>`: the item's topics with the phrases that matched, and its story. */
export async function handleWhy(command: WhyCommand, { deps, context }: HandlerContext): Promise<ChatMessage> {
  const target = cleanTarget(command.target);
  let item: StoredItem | null = null;
  if (/^\d{1,15}$/.test(target)) item = await deps.store.items.getById(Number(target));
  else if (/^https?:\/\/\S+$/i.test(target)) item = await deps.store.items.getByUrl(target);
  else return problemReply(`"${target}" is neither an item link (https://...) nor an item id`, EXAMPLES.why);
  // A source another workspace added from chat is not visible here: as if the item did not exist.
  const owner = item ? (await deps.store.feeds.get(item.feedId))?.owner : undefined;
  if (owner && (owner.platform !== context.destination.platform || owner.workspaceId !== context.destination.workspaceId)) item = null;
  if (!item) return problemReply(`no stored item matches "${target}"`, EXAMPLES.why);
  const lines = item.topics.length === 0
    ? ['No topic matched this item.']
    : topicsById(item.topics, deps.topics).map((topic) => {
        const terms = item.why[topic.id] ?? [];
        return `${topic.label} (${topic.id}): ${terms.length > 0 ? `matched ${terms.map((t) => `"${t}"`).join(', ')}` : 'from the feed’s default topics'}`;
      });
  const regions = describeJurisdictions(item);
  if (regions !== null) lines.push(regions);
  const story = await explainStory(deps.store, item);
  if (story && story.links.length > 0) {
    // Each later report with the earlier one it matched and why, so a grouping can be checked.
    lines.push(`Same story: first reported by ${story.lead.source} (${story.links.length} more ${story.links.length === 1 ? 'report' : 'reports'}):`);
    lines.push(...describeStoryLinks(story).slice(0, MAX_STORY_LINES).map((line) => `• ${line}`));
  }
  const here = await explainForChannel(deps, context.destination, item);
  if (here) lines.push(here);
  const title = `Why: ${item.title}`;
  return reply({ text: [title, ...lines].join('\n'), title, items: [toMessageItem(item)], lines });
}
