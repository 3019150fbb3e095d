/**
 * Stories through the real poll: matched before the transaction, written inside it, and known
 * to the next poll once committed. Two sources of one event: one post and one thread reply.
 */
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { createStore } from '../../src/store/create-store.js';
import type { Store } from '../../src/store/store.js';
import { adminQuery, createPgStore, noticePgSkipped, PG_URL } from '../store/pg-schema.js';
import { createHarness, distinctFeed, HARNESS_CHANNEL, usePollerFixtures } from './poller-harness.js';

const env = usePollerFixtures();
const dropSchemas: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const drop of dropSchemas.splice(0)) await drop();
});
const story = (name: string) => readFileSync(new URL(`../stories/fixtures/${name}`, import.meta.url), 'utf8');

async function twoSources(prefix: string, open: () => Promise<Store>) {
  const h = await createHarness([
    { id: 'reuters', name: 'Reuters', url: env.server.url(`/${prefix}-reuters`) },
    { id: 'bbc', name: 'BBC News', url: env.server.url(`/${prefix}-bbc`) },
  ], { store: await open() });
  env.harnesses.push(h);
  env.server.serveStatic(`/${prefix}-reuters`, distinctFeed([1]));
  env.server.serveStatic(`/${prefix}-bbc`, distinctFeed([2]));
  await h.poller.pollOnce(); // first polls: both feeds are established from here on
  h.clock.advance(60_000);
  return h;
}

const rowsOf = async (h: Awaited<ReturnType<typeof twoSources>>) => {
  const rows = await h.store.outbox.list({ destination: HARNESS_CHANNEL });
  return Promise.all(rows.map(async (row) => ({ kind: row.kind, storyId: row.storyId, item: (await h.store.items.getById((row.payload as { itemId: number }).itemId))! })));
};

function registerStoryTests(engine: string, open: () => Promise<Store>): void {
  describe(`stories in the poll (${engine})`, () => {
    it('a later poll of another source threads under the story a committed poll started', async () => {
      const h = await twoSources(`later-${engine}`, open);
      env.server.serveStatic(`/later-${engine}-reuters`, story('reuters.xml'));
      await h.poller.pollOnce({ feedIds: ['reuters'] });
      h.clock.advance(2 * 3600_000);
      env.server.serveStatic(`/later-${engine}-bbc`, story('bbc.xml'));
      await h.poller.pollOnce({ feedIds: ['bbc'] });

      const rows = await rowsOf(h);
      const fine = rows.find((row) => row.item.title.startsWith('Meta fined'))!;
      expect(fine).toMatchObject({ kind: 'item', storyId: fine.item.id });
      const bbcFine = rows.find((row) => row.item.title.startsWith('Facebook owner'))!;
      expect(bbcFine).toMatchObject({ kind: 'story_update', storyId: fine.item.id });
      expect(bbcFine.item.storyId).toBe(fine.item.id); // written in the poll's transaction
      const tiktok = rows.find((row) => row.item.title.startsWith('TikTok'))!;
      expect(tiktok).toMatchObject({ kind: 'item', storyId: tiktok.item.id });
    });

    it('two sources polled in the same cycle: one post, one reply, whichever commits first', async () => {
      const h = await twoSources(`same-${engine}`, open);
      // Both answers leave together, so both polls reach their stories at the same moment.
      const waiting: Array<() => void> = [];
      const together = (body: string) => (_req: unknown, res: { end(body: string): void }) => {
        waiting.push(() => res.end(body));
        if (waiting.length === 2) for (const send of waiting) send();
      };
      env.server.route(`/same-${engine}-reuters`, together(story('reuters.xml')));
      env.server.route(`/same-${engine}-bbc`, together(story('bbc.xml')));
      await h.poller.pollOnce();
      const rows = (await rowsOf(h)).filter((row) => /^(Meta fined|Facebook owner)/.test(row.item.title));
      expect(rows.map((row) => row.kind)).toEqual(['item', 'story_update']);
      expect(new Set(rows.map((row) => row.storyId)).size).toBe(1);
      expect(rows[0]!.storyId).toBe(rows[0]!.item.id);
    });
});
}

registerStoryTests('SQLite', async () => createStore(':memory:'));
noticePgSkipped('poll-stories.test.ts');
describe.skipIf(!PG_URL)('PostgreSQL', () =>
  registerStoryTests('PostgreSQL', async () => {
    const fixture = await createPgStore(undefined, false);
    // The harness closes the store; only the schema is left to drop.
    dropSchemas.push(() => adminQuery(`DROP SCHEMA IF EXISTS ${fixture.schema} CASCADE`));
    return fixture.store;
  }));
