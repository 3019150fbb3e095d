import { describe, expect, it } from 'vitest';
import type { StoreFactory } from '../store-behaviour.js';
import { at, makeItem, minutes, slack, T0, WEEKLY } from '../fixtures.js';
import { useStore } from './use-store.js';

/** Jurisdictions per item (with their why), `latest`/`search` by region, and the channel region filter. */
export function registerRegionBehaviour(factory: StoreFactory): void {
  describe('regions', () => {
    const store = useStore(factory);
    const seed = async () => {
      await store().items.insertNew('f1', [
        makeItem('cnil', { title: 'CNIL fines ad firm over cookies', topics: ['gdpr', 'enforcement'], jurisdictions: ['eu'], jurisdictionWhy: { eu: ['CNIL'] } }),
        makeItem('ftc', { title: 'FTC order bans data broker from selling location data', topics: ['enforcement'], jurisdictions: ['us'], jurisdictionWhy: { us: ['FTC'] } }),
        makeItem('both', { title: 'EU-US data privacy framework upheld', topics: ['transfers'], jurisdictions: ['eu', 'us'], jurisdictionWhy: { eu: ['EU'], us: ['US'] } }),
      ], T0);
      await store().items.insertNew('f1', [
        makeItem('ico', { title: 'ICO fines council over data breach', topics: ['enforcement', 'breach'], jurisdictions: ['uk'], jurisdictionWhy: { uk: ['ICO'] } }),
        makeItem('none', { title: 'Regulator fines app maker', topics: ['enforcement'] }),
      ], at(minutes(1)));
    };
    const keys = (items: Array<{ key: string }>) => items.map((item) => item.key);

    it('stores each item\'s jurisdictions and the phrases behind them, and reads them back everywhere', async () => {
      await seed();
      const both = (await store().items.latest({ limit: 10 })).find((item) => item.key === 'both')!;
      expect(both).toMatchObject({ jurisdictions: ['eu', 'us'], jurisdictionWhy: { eu: ['EU'], us: ['US'] } });
      expect(await store().items.getById(both.id)).toMatchObject({ jurisdictions: ['eu', 'us'], jurisdictionWhy: { eu: ['EU'], us: ['US'] } });
      const none = (await store().items.search({ words: 'app maker', limit: 5 }))[0]!;
      expect(none).toMatchObject({ key: 'none', jurisdictions: [], jurisdictionWhy: {} });
      const [returned] = await store().items.insertNew('f2', [makeItem('x', { jurisdictions: ['apac'], jurisdictionWhy: { apac: ['PIPL'] } })], T0);
      expect(returned).toMatchObject({ jurisdictions: ['apac'], jurisdictionWhy: { apac: ['PIPL'] } });
    });

    it('`latest` by region, by topic and region, and by several regions, newest first; untagged items never match', async () => {
      await seed();
      expect(keys(await store().items.latest({ regions: ['us'], limit: 10 }))).toEqual(['both', 'ftc']);
      expect(keys(await store().items.latest({ regions: ['us'], topic: 'enforcement', limit: 10 }))).toEqual(['ftc']);
      expect(keys(await store().items.latest({ regions: ['uk', 'eu'], limit: 10 }))).toEqual(['ico', 'both', 'cnil']);
      expect(keys(await store().items.latest({ regions: ['eu', 'us'], limit: 2 }))).toEqual(['both', 'ftc']);
      expect(keys(await store().items.latest({ regions: ['uk'], since: at(minutes(2)), limit: 10 }))).toEqual([]);
      expect(await store().items.latest({ regions: ['apac'], limit: 10 })).toEqual([]);
    });

    it('`search` by region', async () => {
      await seed();
      expect(keys(await store().items.search({ words: 'fines', limit: 10 }))).toEqual(['none', 'ico', 'cnil']);
      expect(keys(await store().items.search({ words: 'fines', regions: ['eu'], limit: 10 }))).toEqual(['cnil']);
      expect(keys(await store().items.search({ words: 'fines', regions: ['eu', 'uk'], topic: 'breach', limit: 10 }))).toEqual(['ico']);
      expect(keys(await store().items.search({ words: 'data', regions: ['us'], limit: 10 }))).toEqual(['both', 'ftc']);
    });

    it('keeps a channel\'s region filter (default: every region, not strict) and drops it with the subscription', async () => {
      expect((await store().subscriptions.subscribe(slack('C1'), ['ai'], WEEKLY, T0)).regionFilter).toEqual({ regions: [], strict: false });
      await store().subscriptions.setRegionFilter(slack('C1'), { regions: ['us', 'eu', 'us', 'mars'], strict: true });
      expect((await store().subscriptions.get(slack('C1')))?.regionFilter).toEqual({ regions: ['us', 'eu'], strict: true });
      expect((await store().subscriptions.matching(['ai']))[0]?.regionFilter).toEqual({ regions: ['us', 'eu'], strict: true });
      expect((await store().subscriptions.subscribe(slack('C1'), ['gdpr'], WEEKLY, T0)).regionFilter).toEqual({ regions: ['us', 'eu'], strict: true });
      await store().subscriptions.setRegionFilter(slack('C9'), { regions: ['uk'], strict: false });
      expect(await store().subscriptions.get(slack('C9'))).toBeNull();
      await store().subscriptions.unsubscribe(slack('C1'), 'all');
      expect((await store().subscriptions.subscribe(slack('C1'), ['ai'], WEEKLY, T0)).regionFilter).toEqual({ regions: [], strict: false });
    });
  });
}
