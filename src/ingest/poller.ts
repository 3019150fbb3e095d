/**
 * The one orchestrator of a feed poll: fetch -> parse/normalise -> tag+summarise -> store new
 * items -> route; then health, validators and next check are saved. A feed's failure is a value
 * saved on its row; it never stops the other feeds of the cycle (docs/ingestion.md R9).
 */
import type { FeedError, FeedRecord, FeedState } from '../core/types.js';
import { fetchFeed } from './fetch-feed.js';
import { releaseFetchAgent } from './http/feed-agent.js';
import { defaultFetchOptions } from './http/fetch-options.js';
import { parseFeed } from './parse/parse-feed.js';
import { createHostLimiter } from './schedule/host-limiter.js';
import { failurePatch, successPatch } from './schedule/feed-health.js';
import { failureDelayMs, successDelayMs, type ScheduleHints } from './schedule/next-check.js';
import { trackRedirect } from './schedule/track-redirect.js';
import type { FeedPollReport, Poller, PollerDeps, PollReport } from './poller-types.js';

/** A 304 refreshes the listed items' last-seen time at most daily: one cheap no-op UPDATE otherwise. */
const LISTED_TOUCH_MS = 24 * 3600_000;

export type { FeedPollReport, Poller, PollerDeps, PollReport } from './poller-types.js';

/** Creates the poller; see the module comment. */
export function createPoller(deps: PollerDeps): Poller {
  const { store, clock, logger } = deps;
  const fetchOptions = defaultFetchOptions(deps.fetchOptions);
  const limiter = createHostLimiter(deps.concurrency ?? 16, 2);
  const inFlight = new Set<string>();

  async function fail(feed: FeedRecord, url: string, error: FeedError, hints: ScheduleHints, extra: Partial<FeedState> = {}): Promise<FeedPollReport> {
    const now = clock.now();
    const delay = failureDelayMs(url, feed.state.consecutiveFailures + 1, hints);
    const { patch, notify } = failurePatch(feed.state, error, now, new Date(now.getTime() + delay));
    if (notify) {
      try {
        if (deps.onFeedFailing) await deps.onFeedFailing(feed, error);
        else logger.error({ feedId: feed.id, kind: error.kind }, `feed is failing: ${error.message}`);
        patch.failingNoticeAt = now;
      } catch (err) {
        logger.error({ err, feedId: feed.id }, 'feed failing notice could not be queued; will retry');
      }
    }
    await store.feeds.updateState(feed.id, { ...extra, ...patch });
    logger.warn({ feedId: feed.id, url, kind: error.kind, failures: patch.consecutiveFailures }, `feed poll failed: ${error.message}`);
    return { id: feed.id, url, status: 'error', error, items: 0, newItems: 0 };
  }

  async function pollFeed(feed: FeedRecord): Promise<FeedPollReport> {
    const url = feed.state.fetchUrl ?? feed.url;
    const hints: ScheduleHints = { intervalMinutes: feed.interval ?? deps.defaultIntervalMinutes ?? 30 };
    const fetched = await fetchFeed(
      { url, etag: feed.state.etag, lastModified: feed.state.lastModified, previousBodyHash: feed.state.bodyHash },
      fetchOptions,
    );
    const redirect = trackRedirect(feed.state, fetched.permanentRedirectTo ?? null);
    if (redirect.moveTo) logger.info({ feedId: feed.id, from: url, to: redirect.moveTo }, 'feed moved permanently; updating its URL');
    if (fetched.status === 'error') {
      return fail(feed, url, { kind: fetched.kind, message: fetched.message }, { ...hints, retryAfterMs: fetched.retryAfterMs }, redirect.patch);
    }
    const now = clock.now();
    hints.maxAgeSeconds = fetched.maxAgeSeconds;
    const validators = { etag: fetched.etag, lastModified: fetched.lastModified };
    if (fetched.status === 'not_modified') {
      // Unchanged feed: its items are still listed, so retention must not prune (and re-post) them.
      await store.items.touchListed(feed.id, now, LISTED_TOUCH_MS);
      const next = new Date(now.getTime() + successDelayMs(url, hints, now));
      await store.feeds.updateState(feed.id, { ...redirect.patch, ...validators, ...successPatch(now, next) });
      return { id: feed.id, url, status: 'not_modified', error: null, items: 0, newItems: 0 };
    }
    const parsed = parseFeed(fetched.body, fetched.finalUrl, { now });
    if (parsed.status === 'error') return fail(feed, url, { kind: parsed.kind, message: parsed.message }, hints, redirect.patch);
    hints.ttlMinutes = parsed.ttlMinutes;
    const stored = await store.items.insertNew(feed.id, deps.processItems(feed, parsed.items), now);
    const firstPoll = !feed.state.initialized;
    if (stored.length > 0) {
      await deps.onNewItems(feed, stored, { firstPoll }).catch((err: unknown) => {
        // Stored but not routed: say exactly which items, so nothing is lost silently.
        logger.error({ err, feedId: feed.id, itemIds: stored.map((i) => i.id) }, 'new items stored but routing failed');
        throw err;
      });
    }
    const next = new Date(now.getTime() + successDelayMs(url, hints, now));
    await store.feeds.updateState(feed.id, {
      ...redirect.patch,
      ...validators,
      bodyHash: fetched.bodyHash,
      initialized: true,
      ...successPatch(now, next),
    });
    return { id: feed.id, url, status: 'ok', error: null, items: parsed.items.length, newItems: stored.length };
  }

  async function pollGuarded(feed: FeedRecord): Promise<FeedPollReport | null> {
    if (inFlight.has(feed.id)) return null; // no overlapping runs of the same feed (R11)
    inFlight.add(feed.id);
    try {
      return await pollFeed(feed);
    } catch (err) {
      // Store, tagging or routing faults: log once with context; the cycle goes on, and the feed
      // backs off like any failing feed instead of being retried on every tick.
      logger.error({ err, feedId: feed.id }, 'feed poll crashed');
      const url = feed.state.fetchUrl ?? feed.url;
      const error: FeedError = { kind: 'internal', message: err instanceof Error ? err.message : String(err) };
      const hints = { intervalMinutes: feed.interval ?? deps.defaultIntervalMinutes ?? 30 };
      return fail(feed, url, error, hints).catch(() => ({ id: feed.id, url, status: 'error' as const, error, items: 0, newItems: 0 }));
    } finally {
      inFlight.delete(feed.id);
    }
  }

  async function pollMany(feeds: FeedRecord[]): Promise<PollReport> {
    const results = await Promise.all(feeds.map((feed) => limiter.run(hostOf(feed), () => pollGuarded(feed))));
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
    close: () => releaseFetchAgent(fetchOptions),
  };
}

function hostOf(feed: FeedRecord): string {
  try {
    return new URL(feed.state.fetchUrl ?? feed.url).host;
  } catch {
    return feed.url;
  }
}
