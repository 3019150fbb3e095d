import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { regionAllows, regionOf } from '../../src/core/regions.js';
import { routeNewItems } from '../../src/delivery/route-items.js';
import type { Store } from '../../src/store/store.js';
import { DIGEST_DEFAULTS, insertItems, openTestStore, slackChannel, taggedItem } from './store-harness.js';

const NOW = new Date('2026-01-05T09:00:00Z');

describe('region filter', () => {
  it('lets items of the listed regions through, and items with no region unless strict', () => {
    const cases: Array<[string[], boolean, string[], boolean]> = [
      [[], false, [], true], [[], false, ['eu'], true], [[], true, [], false], [[], true, ['intl'], true],
      [['us'], false, ['us'], true], [['us'], false, ['eu'], false], [['us'], false, ['eu', 'us'], true],
      [['us'], false, [], true], [['us'], true, [], false], [['us', 'eu'], true, ['uk'], false],
    ];
    for (const [regions, strict, jurisdictions, allowed] of cases) expect([regions, strict, jurisdictions, regionAllows({ regions, strict }, jurisdictions)]).toEqual([regions, strict, jurisdictions, allowed]);
  });

  it('reads region words as people type them', () => {
    expect(['US', 'u.s.', 'USA', 'Europe', 'eea', 'Britain', 'asia', 'global', 'intl'].map(regionOf)).toEqual(['us', 'us', 'us', 'eu', 'eu', 'uk', 'apac', 'intl', 'intl']);
    expect(['mars', 'ai', '', 'us-state-law'].map(regionOf)).toEqual([null, null, null, null]);
  });
});

describe('routeNewItems with region filters', () => {
  let store: Store;
  beforeEach(async () => {
    store = await openTestStore();
  });
  afterEach(async () => {
    await store.close();
  });

  it('enqueues an item only for channels whose region setting lets it through', async () => {
    for (const channel of ['ALL', 'US', 'US_STRICT', 'STRICT']) await store.subscriptions.subscribe(slackChannel(channel), ['enforcement'], DIGEST_DEFAULTS, NOW);
    await store.subscriptions.setRegionFilter(slackChannel('US'), { regions: ['us'], strict: false });
    await store.subscriptions.setRegionFilter(slackChannel('US_STRICT'), { regions: ['us'], strict: true });
    await store.subscriptions.setRegionFilter(slackChannel('STRICT'), { regions: [], strict: true });
    const [cnil, ftc, none] = await insertItems(store, 'reuters', [
      taggedItem({ topics: ['enforcement'], jurisdictions: ['eu'] }),
      taggedItem({ topics: ['enforcement'], jurisdictions: ['us'] }),
      taggedItem({ topics: ['enforcement'] }),
    ], NOW);
    expect(await routeNewItems(store, [cnil!, ftc!, none!], NOW)).toBe(8);
    const rows = await store.outbox.list();
    const to = (channel: string) => rows.filter((row) => row.destination.channelId === channel).map((row) => (row.payload as { itemId: number }).itemId).sort();
    expect(to('ALL')).toEqual([cnil!.id, ftc!.id, none!.id].sort());
    expect(to('US')).toEqual([ftc!.id, none!.id].sort());
    expect(to('US_STRICT')).toEqual([ftc!.id]);
    expect(to('STRICT')).toEqual([cnil!.id, ftc!.id].sort());
  });
});
