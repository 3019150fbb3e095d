/**
 * At most N new items per poll, newest first; the rest come next poll. Items a capped FIRST poll
 * left out belong to the feed's backlog and are never posted, while items published meanwhile are.
 */
import { describe, expect, it } from 'vitest';
import type { FeedState, NormalizedItem, StoredItem } from '../../src/core/types.js';
import { planPosting, selectNewItems } from '../../src/ingest/poll-batch.js';
import { createHarness, distinctFeed, usePollerFixtures } from './poller-harness.js';

const env = usePollerFixtures();

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);
const keys = (numbers: number[]) => numbers.map((n) => `urn:poll:${n}`).sort();

async function cappedHarness(path: string, cap: number, backfill = 0) {
  const h = await createHarness([{ id: 'big', url: env.server.url(path) }], { deps: { maxItemsPerPoll: cap, backfill } });
  env.harnesses.push(h);
  const stored = async () => (await h.store.items.between(new Date(0), new Date(8.64e15))).map((item) => item.key).sort();
  const poll = async () => (await h.poller.pollOnce()).feeds[0]!;
  return { h, stored, poll };
}

describe('the per-poll cap', () => {
  it('takes the newest new items first and the rest on the next polls; all are posted on an established feed', async () => {
    const { h, stored, poll } = await cappedHarness('/cap-est', 3);
    env.server.serveStatic('/cap-est', distinctFeed([2, 1]));
    await poll();
    env.server.serveStatic('/cap-est', distinctFeed(range(1, 9).reverse())); // 3..9 are new
    expect(await poll()).toMatchObject({ status: 'ok', items: 9, newItems: 3 });
    expect(await stored()).toEqual(keys([1, 2, 7, 8, 9]));
    expect(await poll()).toMatchObject({ newItems: 3 });
    expect(await poll()).toMatchObject({ newItems: 1 });
    expect(await poll()).toMatchObject({ status: 'not_modified' });
    expect((await h.posted()).sort()).toEqual(keys(range(3, 9)));
    expect(h.logs.some((line) => line.includes('the rest come next poll'))).toBe(true);
  });

  it('a capped first poll: what it left out is never posted, what appears meanwhile is', async () => {
    const { h, stored, poll } = await cappedHarness('/cap-first', 4);
    env.server.serveStatic('/cap-first', distinctFeed(range(1, 10).reverse()));
    expect(await poll()).toMatchObject({ newItems: 4 });
    expect(await stored()).toEqual(keys([7, 8, 9, 10]));
    expect((await h.feed('big')).state).toMatchObject({ initialized: false, backlog: { before: Date.UTC(2026, 0, 1) + 7 * 60_000 } });

    env.server.serveStatic('/cap-first', distinctFeed(range(1, 11).reverse())); // 11 is published meanwhile
    expect(await poll()).toMatchObject({ newItems: 4 }); // 11, 6, 5, 4
    expect(await h.posted()).toEqual(keys([11]));
    expect(await poll()).toMatchObject({ newItems: 3 }); // 3, 2, 1: the backlog is done
    expect((await h.feed('big')).state).toMatchObject({ initialized: true, backlog: null });
    expect(await h.posted()).toEqual(keys([11]));

    env.server.serveStatic('/cap-first', distinctFeed(range(1, 12).reverse()));
    await poll();
    expect((await h.posted()).sort()).toEqual(keys([11, 12]));
  });

  it('BACKFILL_ITEMS posts the newest few of a capped first poll, and only on that poll', async () => {
    const { h, poll } = await cappedHarness('/cap-backfill', 3, 2);
    env.server.serveStatic('/cap-backfill', distinctFeed(range(1, 8).reverse()));
    await poll();
    await poll();
    await poll();
    expect((await h.posted()).sort()).toEqual(keys([7, 8]));
    expect(await h.store.items.count()).toBe(8);
  });
});

const item = (n: number, date: number | null): NormalizedItem => ({
  key: `k${n}`, url: null, title: `t${n}`, description: '', content: '', publishedAt: date === null ? null : new Date(date),
});
const stored = (n: number, date: number | null): StoredItem => ({
  id: n, feedId: 'f', key: `k${n}`, url: null, title: '', summary: '', publishedAt: date === null ? null : new Date(date),
  firstSeenAt: new Date(0), topics: [], why: {}, jurisdictions: [], jurisdictionWhy: {}, storyId: null, source: 'f',
});
const state = (patch: Partial<FeedState>) => ({ initialized: false, ...patch }) as FeedState;

describe('selectNewItems and planPosting', () => {
  it('orders dated items newest first, then undated ones in document order; skips known and repeated keys', () => {
    const batch = selectNewItems([item(1, null), item(2, 200), item(3, 300), item(4, null), item(2, 999), item(5, 100), item(6, 300)], new Set(['k5']), 4);
    expect(batch.items.map((i) => i.key)).toEqual(['k3', 'k6', 'k2', 'k1']);
    expect(batch).toMatchObject({ leftOut: 1, oldestTaken: 200 });
    expect(selectNewItems([item(1, null), item(2, null)], new Set(), 1)).toMatchObject({ leftOut: 1, oldestTaken: null });
    expect(selectNewItems([item(1, 5)], new Set(), 10)).toMatchObject({ leftOut: 0, oldestTaken: 5 });
  });

  it('posts during a backlog only items dated after it; with no dated boundary, any dated item', () => {
    const items = [stored(1, 100), stored(2, 300), stored(3, null)];
    const open = { items: [], leftOut: 2, oldestTaken: 100 };
    const done = { items: [], leftOut: 0, oldestTaken: 100 };
    expect(planPosting(state({ backlog: { before: 200 } }), items, open, 5)).toEqual({ posted: [items[1]], patch: {} });
    expect(planPosting(state({ backlog: { before: null } }), items, done, 5)).toEqual({ posted: [items[0], items[1]], patch: { initialized: true, backlog: null } });
    expect(planPosting(state({}), items, open, 1)).toEqual({ posted: [items[1]], patch: { backlog: { before: 100 } } });
    expect(planPosting(state({ initialized: true }), items, open, 0).posted).toEqual(items);
  });
});
