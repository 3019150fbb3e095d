/**
 * One feed poll, top to bottom: fetch -> parse and normalise -> keep the new items (capped) ->
 * tag and summarise -> ONE transaction: store the items, assign stories, route them into the
 * outbox, save the feed's state and validators. A crash at any point leaves all of it or none:
 * a poll that dies before the commit is simply done again, and validators are only saved with
 * the items they describe. Network I/O and CPU work happen before the transaction, which holds
 * only the writes. A feed's failure is a value saved on its row, never an exception.
 */
import { yieldToEventLoop } from '../core/yield-to-event-loop.js';
import type { FeedError, FeedRecord, FeedState } from '../core/types.js';
import { routeNewItems } from '../delivery/route-items.js';
import { createStoryAssigner } from '../stories/assign-stories.js';
import { createAsyncLock } from '../store/sql/async-lock.js';
import { fetchFeed } from './fetch-feed.js';
import type { FetchOptions } from './http/fetch-options.js';
import { createFeedParser } from './parse/parse-off-thread.js';
import { MAX_ITEMS_PER_POLL, planPosting, selectNewItems } from './poll-batch.js';
import type { FeedPollReport, PollerDeps } from './poller-types.js';
import { failurePatch, successPatch } from './schedule/feed-health.js';
import { failureDelayMs, successDelayMs, type ScheduleHints } from './schedule/next-check.js';
import { trackRedirect } from './schedule/track-redirect.js';
import { tagAndSummarise } from './tag-and-summarise.js';

/** A 304 refreshes the listed items' last-seen time at most daily: one cheap no-op UPDATE otherwise. */
const LISTED_TOUCH_MS = 24 * 3600_000;

/** Creates the per-feed poll and the failure recorder the poller also uses for crashes. */
export function createFeedPoll(deps: PollerDeps, fetchOptions: FetchOptions) {
  const { store, clock, logger } = deps;
  const stories = createStoryAssigner(store);
  // One poll transaction at a time in this process: polls share the story index.
  const oneWriter = createAsyncLock();
  // Large documents are parsed on a worker thread so the event loop keeps answering meanwhile.
  const parser = createFeedParser();
  const hintsOf = (feed: FeedRecord): ScheduleHints => ({ intervalMinutes: feed.interval ?? deps.defaultIntervalMinutes ?? 30 });

  async function pollFeed(feed: FeedRecord): Promise<FeedPollReport> {
    // 1. Fetch (conditional GET), outside any transaction.
    const url = feed.state.fetchUrl ?? feed.url;
    const hints = hintsOf(feed);
    const fetched = await fetchFeed({ url, etag: feed.state.etag, lastModified: feed.state.lastModified, previousBodyHash: feed.state.bodyHash }, fetchOptions);
    const redirect = trackRedirect(feed.state, fetched.permanentRedirectTo ?? null);
    if (redirect.moveTo) logger.info({ feedId: feed.id, from: url, to: redirect.moveTo }, 'feed moved permanently; updating its URL');
    if (fetched.status === 'error') {
      return fail(feed, { kind: fetched.kind, message: fetched.message }, { ...hints, retryAfterMs: fetched.retryAfterMs }, redirect.patch);
    }
    const now = clock.now();
    hints.maxAgeSeconds = fetched.maxAgeSeconds;
    if (fetched.status === 'not_modified') return notModified(feed, url, hints, { ...redirect.patch, etag: fetched.etag, lastModified: fetched.lastModified }, now);

    // 2. Parse and normalise.
    const parsed = await parser.parse(fetched.body, fetched.finalUrl, now);
    if (parsed.status === 'error') return fail(feed, { kind: parsed.kind, message: parsed.message }, hints, redirect.patch);
    hints.ttlMinutes = parsed.ttlMinutes;

    // 3. Keep what is new, newest first, at most MAX_ITEMS_PER_POLL (the rest next poll).
    // Each CPU-heavy step below is followed by a turn of the event loop, so requests keep being answered.
    await yieldToEventLoop();
    const listedKeys = parsed.items.map((item) => item.key);
    const batch = selectNewItems(parsed.items, await store.items.knownKeys(feed.id, listedKeys), deps.maxItemsPerPoll ?? MAX_ITEMS_PER_POLL);
    if (batch.leftOut > 0) logger.info({ feedId: feed.id, taken: batch.items.length, left: batch.leftOut }, 'feed lists more new items than one poll takes; the rest come next poll');

    // A capped poll saves no validators: the next one must fetch the feed in full for the rest.
    const validators = batch.leftOut > 0
      ? { etag: null, lastModified: null, bodyHash: null }
      : { etag: fetched.etag, lastModified: fetched.lastModified, bodyHash: fetched.bodyHash };

    // 4. Tag and summarise (CPU only).
    await yieldToEventLoop();
    const tagged = tagAndSummarise(deps.tagger, feed, batch.items);
    await yieldToEventLoop();

    // 5-8. Store, assign stories, route, save the feed state: one transaction, all or nothing.
    // Stories are matched first (reads and CPU); the transaction only writes them.
    const next = new Date(now.getTime() + successDelayMs(url, hints, now));
    const done = await oneWriter(async () => {
      if (tagged.length > 0) await stories.prepare(now);
      const planned = await stories.plan(feed, tagged, now);
      return store.transaction(async (tx) => {
        const stored = await planned.apply(tx, await tx.items.insertNew(feed.id, tagged, now, listedKeys));
        const plan = planPosting(feed.state, stored, batch, deps.backfill ?? 0);
        const enqueued = await routeNewItems(tx, plan.posted, now);
        await tx.feeds.updateState(feed.id, { ...redirect.patch, ...validators, ...plan.patch, ...successPatch(now, next) });
        return { stored: stored.length, posted: plan.posted.length, enqueued };
      });
    });
    logger.debug({ feedId: feed.id, ...done }, 'feed poll committed');
    return { id: feed.id, url, status: 'ok', error: null, items: parsed.items.length, newItems: done.stored };
  }

  /** Unchanged feed: nothing to parse; its items are still listed, so retention must not prune them. */
  async function notModified(feed: FeedRecord, url: string, hints: ScheduleHints, patch: Partial<FeedState>, now: Date): Promise<FeedPollReport> {
    await store.items.touchListed(feed.id, now, LISTED_TOUCH_MS);
    const next = new Date(now.getTime() + successDelayMs(url, hints, now));
    await store.feeds.updateState(feed.id, { ...patch, ...successPatch(now, next) });
    return { id: feed.id, url, status: 'not_modified', error: null, items: 0, newItems: 0 };
  }

  /** Saves a failure (backoff, health) and sends one notice per failing episode. */
  async function fail(feed: FeedRecord, error: FeedError, hints = hintsOf(feed), extra: Partial<FeedState> = {}): Promise<FeedPollReport> {
    const url = feed.state.fetchUrl ?? feed.url;
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

  return { pollFeed, fail, closeParser: () => parser.close() };
}
