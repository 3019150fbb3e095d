/**
 * The poll cycle: which feeds, how many at once (16 in all, 2 per host), never two runs of the
 * same feed, and a feed's crash contained to that feed. One feed's poll is ./poll-feed.ts.
 */
import type { FeedError, FeedRecord } from '../core/types.js';
import { releaseFetchAgent } from './http/feed-agent.js';
import { defaultFetchOptions } from './http/fetch-options.js';
import { createHostLimiter } from './schedule/host-limiter.js';
import { createFeedPoll } from './poll-feed.js';
import type { FeedPollReport, Poller, PollerDeps, PollReport } from './poller-types.js';

export type { FeedPollReport, Poller, PollerDeps, PollReport } from './poller-types.js';

/** Creates the poller; see the module comment. */
export function createPoller(deps: PollerDeps): Poller {
  const { store, clock, logger } = deps;
  const fetchOptions = defaultFetchOptions(deps.fetchOptions);
  const limiter = createHostLimiter(deps.concurrency ?? 16, 2);
  const inFlight = new Set<string>();
  const { pollFeed, fail, closeParser } = createFeedPoll(deps, fetchOptions);

  async function pollGuarded(feed: FeedRecord): Promise<FeedPollReport | null> {
    if (inFlight.has(feed.id)) return null; // no overlapping runs of the same feed (R11)
    inFlight.add(feed.id);
    try {
      return await pollFeed(feed);
    } catch (err) {
      // Store, tagging or routing faults: the poll's transaction rolled back, so the next poll
      // does it all again. Log once with context; the feed backs off like any failing feed.
      logger.error({ err, feedId: feed.id }, 'feed poll crashed');
      const error: FeedError = { kind: 'internal', message: err instanceof Error ? err.message : String(err) };
      return fail(feed, error).catch(() => ({ id: feed.id, url: feed.state.fetchUrl ?? feed.url, status: 'error' as const, error, items: 0, newItems: 0 }));
    } finally {
      inFlight.delete(feed.id);
    }
  }

  async function pollAndReport(feed: FeedRecord): Promise<FeedPollReport | null> {
    const report = await pollGuarded(feed);
    if (report) deps.onFeedPolled?.(report);
    return report;
  }

  async function pollMany(feeds: FeedRecord[]): Promise<PollReport> {
    const results = await Promise.all(feeds.map((feed) => limiter.run(hostOf(feed), () => pollAndReport(feed))));
    const reports = results.filter((r): r is FeedPollReport => r !== null);
    return { feeds: reports, newItems: reports.reduce((sum, r) => sum + r.newItems, 0) };
  }

  return {
    async pollOnce(options = {}) {
      const wanted = options.feedIds ? new Set(options.feedIds) : null;
      const feeds = (await store.feeds.list()).filter((f) => (wanted ? wanted.has(f.id) : f.enabled !== false));
      return pollMany(feeds);
    },
    async pollDue() {
      return pollMany(await store.feeds.due(clock.now()));
    },
    close: async () => {
      await closeParser();
      await releaseFetchAgent(fetchOptions);
    },
  };
}

function hostOf(feed: FeedRecord): string {
  try {
    return new URL(feed.state.fetchUrl ?? feed.url).host;
  } catch {
    return feed.url;
  }
}
