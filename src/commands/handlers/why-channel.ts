import type { Destination, StoredItem } from '../../core/types.js';
import { createRoutePlan } from '../../delivery/route-plan.js';
import type { TopicRef } from '../topic-resolver.js';
import { topicsById } from '../topic-problems.js';
import type { CommandDeps } from '../command-deps.js';
import { quoteQuery } from './channel-rules.js';
import { describeMute } from './mutes.js';

/**
 * What this channel's rules decide for the item, in one sentence (null where nothing is set up): the topics or watch that
 * deliver it, the mute that stops it, or that nothing here matches. The same plan as routing
 * (src/delivery/route-plan.ts), so the answer is what routing does.
 */
export async function explainForChannel(deps: CommandDeps, destination: Destination, item: StoredItem): Promise<string | null> {
  const [subscription, watches, mutes] = await Promise.all([
    deps.store.subscriptions.get(destination),
    deps.store.watches.list(destination),
    deps.store.mutes.list(destination),
  ]);
  // Asked where nothing is set up (the CLI, a channel with no topics, watches or mutes): no line.
  if (!subscription && watches.length === 0 && mutes.length === 0) return null;
  const plan = createRoutePlan({
    subscriptions: subscription ? [subscription] : [],
    watches: watches.map((query) => ({ destination, query })),
    mutes: mutes.map((mute) => ({ destination, mute })),
    owners: new Map(),
  });
  const { deliveries, muted } = plan.explain(item);
  const labels = (ids: string[]): string => topicsById(ids, deps.topics).map((topic: TopicRef) => `${topic.label} (${topic.id})`).join(', ');
  const [delivered] = deliveries;
  if (delivered) {
    const reasons = [
      ...(delivered.matchedTopics.length > 0 ? [`it follows ${labels(delivered.matchedTopics)}`] : []),
      ...(delivered.matchedWatch !== undefined ? [`of the watch ${quoteQuery(delivered.matchedWatch)}`] : []),
    ];
    return `In this channel: delivered because ${reasons.join(' and because ')}.`;
  }
  const [stopped] = muted;
  if (stopped) return `In this channel: not delivered: muted (${describeMute(stopped.mute)}); \`unmute\` undoes it.`;
  return 'In this channel: not delivered: it follows none of the item’s topics and no watch matches it.';
}
