import { describe, expect, it } from 'vitest';
import type { StoreFactory } from '../store-behaviour.js';
import { makeItem, T0 } from '../fixtures.js';
import { useStore } from './use-store.js';

const HOSTILE = ['"', 'the and', 'e2e', 'naïve café', '２０２４', 'data_protection', 'NOT', 'title:biometric', 'biometric*', ')(', "a' OR 1=1 --", 'NEAR(a b)', '^', '-', '$1 ? ?', '\\', 'AND OR'];

/** Full-text search: ranking, every word required, topic filter, hostile input. */
export function registerSearchBehaviour(factory: StoreFactory): void {
  describe('search', () => {
    const store = useStore(factory);
    const seed = () =>
      store().items.insertNew('f1', [
        makeItem('title-hit', { title: 'Biometric data ban in schools', summary: 'Regulators act on facial scans.', topics: ['biometrics'] }),
        makeItem('summary-hit', { title: 'Weekly roundup', summary: 'Also: a biometric data case in court.', topics: ['lawsuit'] }),
        makeItem('other', { title: 'Cookie banners fined', summary: 'The regulator issued a fine.', topics: ['gdpr'] }),
      ], T0);

    it('ranks title matches above summary matches and stems words', async () => {
      await seed();
      const hits = await store().items.search({ words: 'biometric data', limit: 10 });
      expect(hits.map((item) => item.key)).toEqual(['title-hit', 'summary-hit']);
      expect((await store().items.search({ words: 'fines', limit: 10 })).map((item) => item.key)).toEqual(['other']);
    });

    it('requires every word and filters by topic', async () => {
      await seed();
      expect((await store().items.search({ words: 'biometric court', limit: 10 })).map((item) => item.key)).toEqual(['summary-hit']);
      expect((await store().items.search({ words: 'biometric', topic: 'lawsuit', limit: 10 })).map((item) => item.key)).toEqual(['summary-hit']);
      expect(await store().items.search({ words: 'biometric', topic: 'gdpr', limit: 10 })).toEqual([]);
      expect(await store().items.search({ words: 'biometric', limit: 1 })).toHaveLength(1);
    });

    it('treats database operators in user words as plain text', async () => {
      await seed();
      for (const words of HOSTILE) {
        await expect(store().items.search({ words, limit: 5 })).resolves.toBeInstanceOf(Array);
      }
      // Read as a column filter this would match; as words ("title", "biometric") it matches none.
      expect((await store().items.search({ words: 'title:biometric', limit: 10 })).map((item) => item.key)).toEqual([]);
      expect(await store().items.search({ words: 'NEAR(biometric cookie)', limit: 10 })).toEqual([]);
      expect(await store().items.search({ words: '   ', limit: 10 })).toEqual([]);
    });

    it('speaks the query language: "phrases", -exclusions and OR', async () => {
      await seed();
      const keys = async (words: string) => (await store().items.search({ words, limit: 10 })).map((item) => item.key);
      expect(await keys('"biometric data"')).toEqual(['title-hit', 'summary-hit']);
      expect(await keys('"data biometric"')).toEqual([]);
      // An exclusion found only in the summary still excludes a headline match.
      expect(await keys('biometric -schools')).toEqual(['summary-hit']);
      expect(await keys('biometric -"facial scans"')).toEqual(['summary-hit']);
      expect(await keys('cookie OR court')).toEqual(['other', 'summary-hit']);
      expect(await keys('cookie OR biometric -court')).toEqual(['other', 'title-hit']);
      expect(await keys('"biometric')).toEqual([]);
    });
  });
}
