import type { ChatMessage, MessageSection } from '../chat/message.js';
import type { Clock } from '../core/clock.js';
import type { Destination } from '../core/types.js';
import type { Store } from '../store/store.js';
import { truncateAtWord } from '../text/plain-text.js';
import { buildSections, collectStories, DEFAULT_DIGEST_LIMITS, type DigestLimits } from './rank-stories.js';
import { describeSourceHealth } from './source-health.js';
import { channelDigestItems, WATCH_SECTION_PREFIX } from './channel-items.js';
import { isValidTimeZone } from './zoned-time.js';

/** What building a digest reads. `topics` gives section headings their labels. */
export interface DigestDeps {
  store: Store;
  clock: Clock;
  topics?: ReadonlyArray<{ id: string; label: string }>;
  limits?: DigestLimits;
}

/** The period a digest covers: [since, until). Defaults: since the previous digest, else 7 days. */
export interface DigestOptions {
  since?: Date;
  until?: Date;
  days?: number;
}

const DAY_MS = 24 * 3600_000;
const TEXT_MAX = 3000;

function formatDay(date: Date, timeZone: string): string {
  const zone = isValidTimeZone(timeZone) ? timeZone : 'UTC';
  return new Intl.DateTimeFormat('en-GB', { timeZone: zone, weekday: 'short', day: 'numeric', month: 'short' }).format(date);
}

function fallbackText(title: string, summary: string, sections: MessageSection[]): string {
  const lines = [`${title}: ${summary}`];
  for (const section of sections) {
    lines.push(`${section.heading}: ${section.items.map((item) => item.title).join('; ')}${section.more ? `; ${section.more}` : ''}`);
  }
  return truncateAtWord(lines.join('\n'), TEXT_MAX);
}

/**
 * The channel's digest as a platform-neutral message: its stories in the period (topics and
 * watches, without muted items or other workspaces' sources), one section per subscribed topic
 * and then per watch (at most 5 stories each, ranked by sources then recency, "and N more"), and a
 * source-health line when feeds are failing. Adapters trim further to Block Kit / card limits.
 */
export async function buildDigest(deps: DigestDeps, destination: Destination, options: DigestOptions = {}): Promise<ChatMessage> {
  const subscription = await deps.store.subscriptions.get(destination);
  if (!subscription || (subscription.topics.length === 0 && (await deps.store.watches.list(destination)).length === 0)) {
    const text = 'This channel has no subscriptions, so it has no digest. Example: `subscribe ai gdpr`';
    return { kind: 'notice', text, lines: [text] };
  }
  const limits = deps.limits ?? DEFAULT_DIGEST_LIMITS;
  const until = options.until ?? deps.clock.now();
  const since =
    options.since ??
    (options.days !== undefined
      ? new Date(until.getTime() - options.days * DAY_MS)
      : (subscription.lastDigestAt ?? new Date(until.getTime() - 7 * DAY_MS)));
  const { items, sections: sectionIds } = await channelDigestItems(deps.store, subscription, since, until);
  const labels = new Map((deps.topics ?? []).map((topic) => [topic.id, topic.label]));
  const label = (topic: string): string =>
    topic.startsWith(WATCH_SECTION_PREFIX) ? `Watch "${topic.slice(WATCH_SECTION_PREFIX.length)}"` : (labels.get(topic) ?? topic);
  const { sections, hiddenSections, storyCount } = buildSections(collectStories(items), sectionIds, label, limits);

  const title = 'Weekly privacy digest';
  const topicNames = sectionIds.map(label).join(', ');
  const sinceText = formatDay(since, subscription.digest.timeZone);
  const summary =
    storyCount === 0
      ? `No new stories on ${topicNames} since ${sinceText}.`
      : `${storyCount} ${storyCount === 1 ? 'story' : 'stories'} on ${topicNames} since ${sinceText}.`;
  const footer = [
    hiddenSections > 0 ? `and ${hiddenSections} more ${hiddenSections === 1 ? 'topic' : 'topics'} not shown.` : null,
    describeSourceHealth(await deps.store.feeds.list()),
  ].filter((line): line is string => line !== null);
  return {
    kind: 'digest',
    visibility: 'public',
    title,
    lines: [summary],
    ...(sections.length > 0 ? { sections } : {}),
    ...(footer.length > 0 ? { footer: footer.join(' ') } : {}),
    text: fallbackText(title, summary, sections),
  };
}
