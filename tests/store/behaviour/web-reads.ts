import { describe, expect, it } from 'vitest';
import type { StoreFactory } from '../store-behaviour.js';
import { at, makeItem, minutes, T0 } from '../fixtures.js';
import { useStore } from './use-store.js';

const DAY = 24 * 60 * minutes(1);

/** The web pages' reads: one entry per story, stable paging, weekly and per-feed counts. */
export function registerWebReadBehaviour(factory: StoreFactory): void {
  describe('web reads', () => {
    const store = useStore(factory);

    it('lists each story once, placed by its newest item, with all its items oldest first', async () => {
      const [a] = await store().items.insertNew('f1', [makeItem('a')], at(minutes(1)));
      const [b] = await store().items.insertNew('f2', [makeItem('b')], at(minutes(2)));
      const [c] = await store().items.insertNew('f3', [makeItem('c')], at(minutes(3)));
      await store().items.setStory([a!.id, c!.id], a!.id);
      await store().items.setStory([b!.id], b!.id);
      const page = await store().web.storyPage({ limit: 10 });
      expect(page.stories.map((story) => story.id)).toEqual([a!.id, b!.id]);
      expect(page.stories[0]!.items.map((item) => item.key)).toEqual(['a', 'c']);
      expect(page.stories[0]!.latestAt).toEqual(at(minutes(3)));
      expect(page.next).toBeNull();
    });

    it('pages without repeating or losing a story, also with a topic filter', async () => {
      const ids: number[] = [];
      for (let n = 0; n < 7; n++) {
        const [item] = await store().items.insertNew('f1', [makeItem(`k${n}`, { topics: n % 2 ? ['ai'] : ['gdpr'], why: {} })], at(minutes(n)));
        ids.push(item!.id);
      }
      // k6 (gdpr, newest) joins k1's story (ai): without a topic it lifts that story to the top.
      await store().items.setStory([ids[1]!, ids[6]!], ids[1]!);
      const walk = async (topic?: string) => {
        const seen: number[] = [];
        let before;
        for (let guard = 0; guard < 10; guard++) {
          const page = await store().web.storyPage({ limit: 2, topic, before });
          seen.push(...page.stories.map((story) => story.id));
          if (!page.next) break;
          before = page.next;
        }
        return seen;
      };
      expect(await walk()).toEqual([ids[1], ids[5], ids[4], ids[3], ids[2], ids[0]]);
      expect(await walk('ai')).toEqual([ids[5], ids[3], ids[1]]);
      expect(await walk('gdpr')).toEqual([ids[1], ids[4], ids[2], ids[0]]);
      expect(await walk('none')).toEqual([]);
    });

    it('counts items per topic and week, and per feed since a time', async () => {
      await store().items.insertNew('f1', [makeItem('a', { topics: ['ai', 'gdpr'], why: {} })], at(DAY));
      await store().items.insertNew('f1', [makeItem('b', { topics: ['ai'], why: {} })], at(8 * DAY));
      await store().items.insertNew('f2', [makeItem('c', { topics: ['ai'], why: {} })], at(9 * DAY));
      await store().items.insertNew('f2', [makeItem('old', { topics: ['ai'], why: {} })], at(-DAY));
      const counts = await store().web.weeklyTopicCounts(T0, 2);
      const sorted = [...counts].sort((x, y) => x.topic.localeCompare(y.topic) || x.week - y.week);
      expect(sorted).toEqual([
        { topic: 'ai', week: 0, count: 1 },
        { topic: 'ai', week: 1, count: 2 },
        { topic: 'gdpr', week: 0, count: 1 },
      ]);
      expect(await store().web.feedItemCounts(T0)).toEqual({ f1: 2, f2: 1 });
    });
  });
}
