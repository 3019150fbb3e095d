import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TaggedItem } from '../../src/core/types.js';
import { createStore } from '../../src/store/create-store.js';
import type { Store } from '../../src/store/store.js';
import { createStoryAssigner } from '../../src/stories/assign-stories.js';

const T0 = new Date('2026-03-02T08:00:00Z');
const HOUR = 3600_000;

function tagged(key: string, title: string, summary: string): TaggedItem {
  return { key, url: `https://news.example/${key}`, title, description: summary, content: '', publishedAt: T0, summary, topics: ['gdpr'], why: {} };
}
const REUTERS = tagged('r1', 'Meta fined record 1.2 billion euros for sending EU user data to US', 'Ireland fined Meta Platforms and ordered it to suspend transfers of Facebook user data to the United States.');
const BBC = tagged('b1', 'Facebook owner hit with €1.2bn fine by Irish Data Protection Commission', 'Meta has been fined €1.2bn for transferring European Facebook users data to the US.');
const GUARDIAN = tagged('g1', 'Meta handed €1.2bn fine over EU-US data transfers', 'The Irish regulator fined Meta for transferring Facebook users data to the US.');

/** The long-lived assigner keeps its index between polls and reads only what is new. */
describe('createStoryAssigner', () => {
  let path: string;
  let store: Store;
  beforeEach(async () => {
    path = join(mkdtempSync(join(tmpdir(), 'pr-stories-')), 'radar.db');
    store = createStore(path);
    await store.migrate();
    await store.feeds.syncConfig([
      { id: 'reuters', url: 'https://reuters.example/feed' },
      { id: 'bbc', url: 'https://bbc.example/feed' },
      { id: 'guardian', url: 'https://guardian.example/feed' },
    ]);
  });
  afterEach(async () => store.close());

  it('threads coverage across successive polls, including items another process stored', async () => {
    const assigner = createStoryAssigner(store);
    const [lead] = await assigner.assign(await store.items.insertNew('reuters', [REUTERS], T0), T0);

    // Another replica (its own store connection) stores the BBC item; this process never saw it.
    const other = createStore(path);
    const t1 = new Date(T0.getTime() + HOUR);
    const [bbc] = await createStoryAssigner(other).assign(await other.items.insertNew('bbc', [BBC], t1), t1);
    await other.close();
    expect(bbc?.storyId).toBe(lead?.id);

    const t2 = new Date(T0.getTime() + 2 * HOUR);
    const [guardian] = await assigner.assign(await store.items.insertNew('guardian', [GUARDIAN], t2), t2);
    expect(guardian?.storyId).toBe(lead?.id);
    expect((await store.items.byStory(lead!.id)).map((i) => i.feedId).sort()).toEqual(['bbc', 'guardian', 'reuters']);
  });

  it('forgets items that left the window after its hourly rebuild', async () => {
    const assigner = createStoryAssigner(store, { windowMs: 2 * HOUR });
    await assigner.assign(await store.items.insertNew('reuters', [REUTERS], T0), T0);
    const later = new Date(T0.getTime() + 5 * HOUR);
    const [bbc] = await assigner.assign(await store.items.insertNew('bbc', [BBC], later), later);
    expect(bbc?.storyId).toBe(bbc?.id); // too far apart: a story of its own
  });

  it('reads each stored item once across polls at one clock time (no re-read margin)', async () => {
    const assigner = createStoryAssigner(store);
    let rowsRead = 0;
    const items = store.items;
    const counting: Store = { ...store, items: {
      ...items,
      between: async (...args) => { const rows = await items.between(...args); rowsRead += rows.length; return rows; },
      storedAfter: async (...args) => { const rows = await items.storedAfter(...args); rowsRead += rows.length; return rows; },
    } };
    const polls = 20;
    for (let n = 0; n < polls; n++) {
      const batch = [0, 1, 2].map((i) => tagged(`p${n}-${i}`, `Regulator ${n} story ${i} about topic ${n * 3 + i}`, `Summary ${n} ${i}`));
      await assigner.assign(await store.items.insertNew('reuters', batch, T0), T0, counting);
    }
    expect(await store.items.count()).toBe(3 * polls);
    expect(rowsRead).toBe(3 * polls);
  });

  it('picks up an item committed late below an id it already read', async () => {
    const assigner = createStoryAssigner(store);
    // Another process took the first id and commits it only after this process stored and read
    // the next ones: the row is taken out here and put back, with its id, after the first read.
    const [lead] = await store.items.insertNew('reuters', [REUTERS], T0);
    const raw = new Database(path);
    const row = raw.prepare('SELECT * FROM items WHERE id = ?').get(lead!.id) as Record<string, unknown>;
    raw.prepare('DELETE FROM items WHERE id = ?').run(lead!.id);
    await assigner.assign(await store.items.insertNew('reuters', [tagged('other', 'Weather report for Tuesday', 'Rain all day.')], T0), T0);
    const columns = Object.keys(row);
    raw.prepare(`INSERT INTO items (${columns.join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')})`).run(row);
    raw.close();
    const t1 = new Date(T0.getTime() + 60_000);
    const [bbc] = await assigner.assign(await store.items.insertNew('bbc', [BBC], t1), t1);
    expect(bbc?.storyId).toBe(lead!.id);
  });
});
