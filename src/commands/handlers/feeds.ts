import type { ChatMessage } from '../../chat/message.js';
import { reply } from '../build-reply.js';
import type { FeedSummary } from '../command-deps.js';
import type { HandlerContext } from './handler-context.js';

const MAX_LINES = 40;

/** `feeds`: each source and its health, failing ones first. */
export async function handleFeeds({ deps }: HandlerContext): Promise<ChatMessage> {
  const feeds = deps.feedsSummary ? await deps.feedsSummary() : await summariseStoredFeeds(deps.store.feeds);
  if (feeds.length === 0) return reply({ text: 'No feeds are configured.', lines: ['No feeds are configured.'] });
  const order = { failing: 0, new: 1, ok: 2, disabled: 3 } as const;
  const sorted = [...feeds].sort((a, b) => order[a.health] - order[b.health] || a.name.localeCompare(b.name));
  const lines = sorted.slice(0, MAX_LINES).map(describeFeed);
  const failing = feeds.filter((feed) => feed.health === 'failing').length;
  const title = `${feeds.length} feeds${failing > 0 ? `, ${failing} failing` : ''}`;
  const more = sorted.length > MAX_LINES ? `and ${sorted.length - MAX_LINES} more` : undefined;
  return reply({ text: [title, ...lines].join('\n'), title, lines, ...(more ? { footer: more } : {}) });
}

function describeFeed(feed: FeedSummary): string {
  const seen = feed.lastSuccessAt ? `, last success ${feed.lastSuccessAt.toISOString().slice(0, 16).replace('T', ' ')} UTC` : '';
  if (feed.health === 'failing') return `⚠️ ${feed.name}: failing${feed.lastError ? ` (${feed.lastError})` : ''}${seen}`;
  if (feed.health === 'disabled') return `⏸ ${feed.name}: disabled`;
  if (feed.health === 'new') return `🆕 ${feed.name}: not polled yet`;
  return `✅ ${feed.name}: ok${seen}`;
}

async function summariseStoredFeeds(feeds: HandlerContext['deps']['store']['feeds']): Promise<FeedSummary[]> {
  return (await feeds.list()).map((feed) => ({
    name: feed.name ?? feed.id,
    health: feed.enabled === false ? 'disabled' : feed.state.health,
    lastSuccessAt: feed.state.lastSuccessAt,
    lastError: feed.state.lastError?.kind ?? null,
  }));
}
