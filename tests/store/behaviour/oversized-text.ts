import { describe, expect, it } from 'vitest';
import { ITEM_TEXT_LIMITS } from '../../../src/core/item-limits.js';
import type { StoreFactory } from '../store-behaviour.js';
import { makeItem, T0 } from '../fixtures.js';
import { useStore } from './use-store.js';

/** 1.2 MB of distinct words: more than a PostgreSQL tsvector holds (1 MB of lexemes). */
function hugeTitle(): string {
  const words: string[] = [];
  for (let i = 0; words.length * 9 < 1_200_000; i++) words.push(`w${i.toString(36).padStart(7, 'x')}`);
  return words.join(' ');
}

/** The store bounds item text itself, so one oversized field never fails a feed's other items. */
export function registerOversizedTextBehaviour(factory: StoreFactory): void {
  describe('oversized item text', () => {
    const store = useStore(factory);

    it('stores a feed whose one item would overflow the search index, with that item cut', async () => {
      const huge = hugeTitle();
      const stored = await store().items.insertNew('f1', [
        makeItem('good-1', { title: 'Regulator fines retailer over biometric scans' }),
        makeItem('huge', { title: huge, summary: huge, url: `https://example.org/${'a'.repeat(5000)}` }),
        makeItem('good-2', { title: 'Court blocks school face recognition' }),
      ], T0);
      expect(stored.map((item) => item.key).sort()).toEqual(['good-1', 'good-2', 'huge']);
      const cut = stored.find((item) => item.key === 'huge')!;
      expect(cut.title.length).toBeLessThanOrEqual(ITEM_TEXT_LIMITS.title);
      expect(huge.startsWith(cut.title.replace(/…$/, ''))).toBe(true);
      expect(cut.summary.length).toBeLessThanOrEqual(ITEM_TEXT_LIMITS.summary);
      // A cut link would point somewhere else: an overlong one is dropped.
      expect(cut.url).toBeNull();
      expect((await store().items.search({ words: 'retailer', limit: 5 })).map((item) => item.key)).toEqual(['good-1']);
    });
  });
}
