import type { ChatMessage } from '../../chat/message.js';
import { problemReply, reply } from '../build-reply.js';
import type { FeedSummary } from '../command-deps.js';
import type { HandlerContext } from './handler-context.js';
import { describeFeedHealth } from '../../ingest/describe-feed-health.js';
import { formatHumanTime } from '../../text/human-time.js';

const MAX_LINES = 40;

/** `feeds`: each source and its health, failing ones first. */
export async function handleFeeds({ deps }: HandlerContext): Promise<ChatMessage> {
  const feeds = deps.feedsSummary ? await deps.feedsSummary() : await summariseStoredFeeds(deps.store.feeds, deps.clock.now(), deps.digestDefaults.timeZone);
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
  if (feed.status) return `${ICONS[feed.health]} ${feed.name}: ${feed.status}`;
  const seen = feed.lastSuccessAt ? `, last success ${formatHumanTime(feed.lastSuccessAt)}` : '';
  if (feed.health === 'failing') return `⚠️ ${feed.name}: failing${feed.lastError ? ` (${feed.lastError})` : ''}${seen}`;
  if (feed.health === 'disabled') return `⏸ ${feed.name}: disabled`;
  if (feed.health === 'new') return `🆕 ${feed.name}: not polled yet`;
  return `✅ ${feed.name}: ok${seen}`;
}

const ICONS: Record<FeedSummary['health'], string> = { failing: '⚠️', disabled: '⏸', new: '🆕', ok: '✅' };

async function summariseStoredFeeds(feeds: HandlerContext['deps']['store']['feeds'], now: Date, timeZone: string): Promise<FeedSummary[]> {
  return (await feeds.list()).map((feed) => ({
    name: feed.name ?? feed.id,
    health: feed.enabled === false ? 'disabled' : feed.state.health,
    lastSuccessAt: feed.state.lastSuccessAt,
    lastError: feed.state.lastError?.kind ?? null,
    status: describeFeedHealth(feed, now, timeZone),
  }));
}

/**
 * `feeds check` (and anything else after `feeds`) in chat: polling on demand runs where the bot
 * runs, so the reply says how, instead of quietly showing the list.
 */
export function feedsWordsReply(words: string[]): ChatMessage {
  if (words.length === 1 && words[0]!.toLowerCase() === 'check') {
    const lines = [
      '`feeds check` polls the feeds right away; it is a command for whoever runs the bot, on its server: `npm run --silent cli -- feeds check`.',
      'Here, `feeds` shows each feed’s health and when it is tried next.',
    ];
    return reply({ text: lines.join('\n'), lines });
  }
  return problemReply(`\`feeds\` takes no words here (you typed "${words.join(' ')}")`, 'feeds');
}
