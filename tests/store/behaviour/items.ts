import { describe, expect, it } from 'vitest';
import type { StoreFactory } from '../store-behaviour.js';
import { at, makeItem, minutes, T0 } from '../fixtures.js';
import { useStore } from './use-store.js';

/** Items: insert-if-new, latest, windows, stories. */
export function registerItemBehaviour(factory: StoreFactory): void {
  describe('items', () => {
    const store = useStore(factory);

    it('stores only new (feed, key) pairs and returns them with ids, topics and why', async () => {
      await store().feeds.syncConfig([{ id: 'f1', url: 'https://f1.example/', name: 'Feed One' }]);
      const first = await store().items.insertNew('f1', [makeItem('a', { topics: ['ai', 'gdpr'], why: { ai: ['llm'], gdpr: ['gdpr'] } }), makeItem('b')], T0);
      expect(first.map((item) => item.key).sort()).toEqual(['a', 'b']);
      const a = first.find((item) => item.key === 'a');
      expect(a).toMatchObject({ feedId: 'f1', source: 'Feed One', topics: ['ai', 'gdpr'], why: { ai: ['llm'], gdpr: ['gdpr'] }, storyId: null });
      expect(a?.firstSeenAt).toEqual(T0);
      expect(a?.publishedAt).toEqual(new Date('2026-01-05T08:00:00Z'));
      expect(typeof a?.id).toBe('number');

      const again = await store().items.insertNew('f1', [makeItem('a'), makeItem('c')], at(minutes(5)));
      expect(again.map((item) => item.key)).toEqual(['c']);
      const otherFeed = await store().items.insertNew('f2', [makeItem('a')], T0);
      expect(otherFeed).toHaveLength(1);
      expect(otherFeed[0]?.source).toBe('f2');
      expect(await store().items.count()).toBe(4);
      expect(await store().items.insertNew('f1', [], T0)).toEqual([]);
    });

    it('returns each new item exactly as a later read gives it back, in id order', async () => {
      await store().feeds.syncConfig([{ id: 'named', url: 'https://named.example/', name: 'Named Feed' }]);
      const items = [
        makeItem('late', { publishedAt: new Date('2026-01-06T00:00:00Z'), topics: ['gdpr', 'ai'], why: { gdpr: ['GDPR', 'Art. 17'], ai: ['model'] } }),
        makeItem('none', { url: null, publishedAt: null, topics: [], why: {} }),
        makeItem('early', { publishedAt: new Date('2025-12-31T23:59:59.999Z'), title: 'Quotes "and" \\ back-slashes, ünïcödé ✓' }),
      ];
      for (const feedId of ['named', 'unnamed']) {
        await store().items.insertNew(feedId, [makeItem('old')], T0);
        const stored = await store().items.insertNew(feedId, [makeItem('old'), ...items], at(minutes(1)));
        expect(stored.map((item) => item.key)).toEqual(['none', 'early', 'late']); // oldest publish date first
        expect(stored.map((item) => item.id)).toEqual([...stored.map((item) => item.id)].sort((a, b) => a - b));
        for (const item of stored) expect(item).toEqual(await store().items.getById(item.id));
      }
    });

    it('keeps a null published date and duplicate keys within one batch once', async () => {
      const stored = await store().items.insertNew('f1', [makeItem('x', { publishedAt: null }), makeItem('x')], T0);
      expect(stored).toHaveLength(1);
      expect(stored[0]?.publishedAt).toBeNull();
    });

    it('finds items by id and by url', async () => {
      const [item] = await store().items.insertNew('f1', [makeItem('a')], T0);
      expect((await store().items.getById(item!.id))?.key).toBe('a');
      expect((await store().items.getByUrl('https://news.example/a'))?.id).toBe(item!.id);
      expect(await store().items.getById(999_999)).toBeNull();
      expect(await store().items.getByUrl('https://nowhere.example/')).toBeNull();
    });

    it('returns latest newest first, by topic, limit and since; newer publish date first within a poll', async () => {
      await store().items.insertNew('f1', [
        makeItem('old-ai', { publishedAt: new Date('2026-01-01T00:00:00Z') }),
        makeItem('new-gdpr', { topics: ['gdpr'], publishedAt: new Date('2026-01-04T00:00:00Z') }),
        makeItem('mid-ai', { publishedAt: new Date('2026-01-02T00:00:00Z') }),
      ], T0);
      await store().items.insertNew('f1', [makeItem('later-ai', { publishedAt: new Date('2025-12-01T00:00:00Z') })], at(minutes(1)));
      const keys = async (query: Parameters<ReturnType<typeof store>['items']['latest']>[0]) => (await store().items.latest(query)).map((item) => item.key);
      expect(await keys({ limit: 10 })).toEqual(['later-ai', 'new-gdpr', 'mid-ai', 'old-ai']);
      expect(await keys({ limit: 2, topic: 'ai' })).toEqual(['later-ai', 'mid-ai']);
      expect(await keys({ limit: 10, topic: 'gdpr' })).toEqual(['new-gdpr']);
      expect(await keys({ limit: 10, topic: 'none' })).toEqual([]);
      expect(await keys({ limit: 10, since: at(minutes(1)) })).toEqual(['later-ai']);
      expect(await keys({ limit: 10, topic: 'ai', since: at(1) })).toEqual(['later-ai']);
    });

    it('lists a window [from, to) newest first, optionally by topics', async () => {
      await store().items.insertNew('f1', [makeItem('t0')], T0);
      await store().items.insertNew('f1', [makeItem('t1', { topics: ['breach'] })], at(minutes(1)));
      await store().items.insertNew('f1', [makeItem('t2')], at(minutes(2)));
      const keys = async (topics?: string[]) => (await store().items.between(T0, at(minutes(2)), topics)).map((item) => item.key);
      expect(await keys()).toEqual(['t1', 't0']);
      expect(await keys(['ai'])).toEqual(['t0']);
      expect(await keys(['ai', 'breach'])).toEqual(['t1', 't0']);
      expect(await keys([])).toEqual([]);
    });

    it('reads items stored after an id, in id order, plus the re-checked ids that exist', async () => {
      const [a, b, c] = (await store().items.insertNew('f1', [makeItem('a'), makeItem('b'), makeItem('c')], T0)).sort((x, y) => x.id - y.id);
      const [d] = await store().items.insertNew('f2', [makeItem('d')], at(minutes(1)));
      const ids = async (afterId: number, recheck?: number[]) => (await store().items.storedAfter(afterId, recheck)).map((item) => item.key);
      expect(await ids(a!.id)).toEqual(['b', 'c', 'd']);
      expect(await ids(c!.id)).toEqual(['d']);
      expect(await ids(d!.id)).toEqual([]);
      expect(await ids(c!.id, [a!.id, d!.id + 1000, a!.id])).toEqual(['a', 'd']);
      expect(await ids(d!.id, [])).toEqual([]);
      const [read] = await store().items.storedAfter(c!.id);
      expect(read).toEqual(await store().items.getById(d!.id));
      expect(b?.key).toBe('b');
    });

    it('sets and reads stories', async () => {
      const items = await store().items.insertNew('f1', [makeItem('a'), makeItem('b'), makeItem('c')], T0);
      const [a, b] = items.sort((x, y) => x.id - y.id);
      await store().items.setStory([a!.id, b!.id], 42);
      await store().items.setStory([], 43);
      const story = await store().items.byStory(42);
      expect(story.map((item) => item.id)).toEqual([a!.id, b!.id]);
      expect(story.every((item) => item.storyId === 42)).toBe(true);
      expect(await store().items.byStory(7)).toEqual([]);
    });
  });
}
