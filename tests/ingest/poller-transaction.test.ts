/**
 * One poll, one transaction: a fault at every stage boundary inside the poll (after the insert,
 * after story assignment, after routing, after the feed state, at commit) leaves no item without
 * its outbox row, no row without its item, and the feed's validators untouched; the next poll
 * then does it all, once. A first poll that fails never leads to its backlog being posted.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../src/store/store.js';
import { createStore } from '../../src/store/create-store.js';
import { createPgStore, noticePgSkipped, PG_URL } from '../store/pg-schema.js';
import { startFeedServer, type FeedServer } from './feed-server.js';
import { POLL_FAULTS, withFault, type PollFault } from './faulty-store.js';
import { createHarness, distinctFeed, type Harness } from './poller-harness.js';

let server: FeedServer;
const cleanups: Array<() => Promise<void>> = [];
beforeAll(async () => {
  server = await startFeedServer();
});
afterAll(async () => {
  await server.close();
});
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

type Open = () => Promise<Store>;
const sqlite: Open = async () => {
  const store = createStore(':memory:');
  cleanups.push(() => store.close());
  return store;
};
const postgres: Open = async () => {
  const fixture = await createPgStore(undefined, false);
  cleanups.push(() => fixture.cleanup());
  return fixture.store;
};

let counter = 0;
async function setUp(open: Open, options: { backfill?: number } = {}) {
  const path = `/tx-${++counter}`;
  const faults = withFault(await open());
  const h = await createHarness([{ id: 'news', url: server.url(path) }], { store: faults.store, deps: { backfill: options.backfill ?? 0 } });
  cleanups.push(async () => h.poller.close?.());
  return { h, faults, serve: (numbers: number[]) => server.serveStatic(path, distinctFeed(numbers)) };
}

/** Every outbox row has its item; every item outside `backlog` has exactly one row. */
async function expectAllOrNothing(h: Harness, backlog: string[]): Promise<string[]> {
  const posted = await h.posted();
  expect(posted.filter((key) => key === '(missing item)'), 'outbox rows without their item').toEqual([]);
  const stored = (await h.store.items.between(new Date(0), new Date(8.64e15))).map((item) => item.key);
  const expected = stored.filter((key) => !backlog.includes(key)).sort();
  expect([...posted].sort(), 'each stored item has exactly one outbox row').toEqual(expected);
  return stored;
}

const keys = (numbers: number[]) => numbers.map((n) => `urn:poll:${n}`);

function registerFaultTests(engine: string, open: Open): void {
  describe(`a fault inside the poll's transaction (${engine})`, () => {
    for (const fault of POLL_FAULTS) {
      it(`after ${fault}: nothing of the poll is kept, and the next poll stores and routes it once`, async () => {
        const { h, faults, serve } = await setUp(open);
        serve([1, 2]);
        await h.poller.pollOnce(); // first poll: the backlog, recorded without posting
        const before = await h.feed('news');
        serve([1, 2, 3, 4, 5]);
        faults.arm(fault);
        const failed = await h.poller.pollOnce();
        expect(faults.tripped()).toBe(1);
        expect(failed.feeds[0]).toMatchObject({ status: 'error', error: { kind: 'internal', message: `injected fault after ${fault}` } });
        expect((await expectAllOrNothing(h, keys([1, 2]))).sort()).toEqual(keys([1, 2]));
        const after = await h.feed('news');
        expect({ etag: after.state.etag, bodyHash: after.state.bodyHash }).toEqual({ etag: before.state.etag, bodyHash: before.state.bodyHash });

        faults.arm(null);
        expect((await h.poller.pollOnce()).feeds[0]).toMatchObject({ status: 'ok', newItems: 3 });
        expect((await expectAllOrNothing(h, keys([1, 2]))).sort()).toEqual(keys([1, 2, 3, 4, 5]));
        // Stories come from committed items only: the rolled-back attempt left no phantom behind
        // (a story id is the id of the story's first item, so it must name a stored item).
        const items = await h.store.items.between(new Date(0), new Date(8.64e15));
        const ids = new Set(items.map((item) => item.id));
        expect(items.filter((item) => item.storyId === null || !ids.has(item.storyId)).map((item) => item.key)).toEqual([]);
        expect((await h.poller.pollOnce()).feeds[0]?.status).toBe('not_modified');
      });
    }

    for (const fault of ['items.setStory', 'feeds.updateState', 'commit'] as PollFault[]) {
      it(`a first poll failing after ${fault} is never posted, nor by the next, successful poll`, async () => {
        const { h, faults, serve } = await setUp(open);
        serve([1, 2, 3]);
        faults.arm(fault);
        expect((await h.poller.pollOnce()).feeds[0]?.status).toBe('error');
        expect(await h.store.items.count()).toBe(0);
        faults.arm(null);
        expect((await h.poller.pollOnce()).feeds[0]).toMatchObject({ status: 'ok', newItems: 3 });
        expect((await h.feed('news')).state.initialized).toBe(true);
        expect(await h.posted()).toEqual([]);
        serve([1, 2, 3, 4]);
        await h.poller.pollOnce();
        expect(await h.posted()).toEqual(keys([4]));
      });
    }

    it('BACKFILL_ITEMS still posts the newest few of a first poll that succeeds after a failed one', async () => {
      const { h, faults, serve } = await setUp(open, { backfill: 2 });
      serve([1, 2, 3, 4]);
      faults.arm('feeds.updateState');
      await h.poller.pollOnce();
      faults.arm(null);
      await h.poller.pollOnce();
      expect((await h.posted()).sort()).toEqual(keys([3, 4]));
      await expectAllOrNothing(h, keys([1, 2]));
    });
  });
}

registerFaultTests('SQLite', sqlite);
noticePgSkipped('poller-transaction.test.ts');
describe.skipIf(!PG_URL)('PostgreSQL', () => registerFaultTests('PostgreSQL', postgres));
