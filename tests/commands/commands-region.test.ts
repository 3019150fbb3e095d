import { describe, expect, it } from 'vitest';
import { insertItems, taggedItem } from '../delivery/store-harness.js';
import { readable, useCommandHarness, type CommandHarness as Harness } from './command-harness.js';

const WEEKLY = { enabled: true, weekday: 1, time: '09:00', timeZone: 'UTC' };

describe('regions in commands', () => {
  let h: Harness;
  useCommandHarness((harness) => {
    h = harness;
  });

  const seed = () =>
    insertItems(h.store, 'reuters', [
      taggedItem({ title: 'ICO fines council under UK GDPR', topics: ['gdpr', 'enforcement'], jurisdictions: ['uk'], jurisdictionWhy: { uk: ['ICO', 'UK GDPR'] } }),
      taggedItem({ title: 'CNIL fines ad firm over cookie consent', topics: ['gdpr', 'enforcement'], jurisdictions: ['eu'], jurisdictionWhy: { eu: ['CNIL'] } }),
      taggedItem({ title: 'Regulator fines app maker over GDPR breach', topics: ['gdpr', 'enforcement'] }),
      taggedItem({ title: 'FTC order bans broker from selling location data', topics: ['enforcement', 'data-brokers'], jurisdictions: ['us'], jurisdictionWhy: { us: ['FTC'] } }),
      taggedItem({ title: 'California privacy agency fines car maker', topics: ['us-state-law', 'enforcement'], jurisdictions: ['us'], jurisdictionWhy: { us: ['California'] } }),
    ], h.clock.now());
  const titles = (reply: { items?: Array<{ title: string }> }) => (reply.items ?? []).map((item) => item.title);

  it('`/privacy latest gdpr uk` lists only UK items; a region alone works too', async () => {
    await seed();
    const uk = await h.run('/privacy latest gdpr uk');
    expect(titles(uk)).toEqual(['ICO fines council under UK GDPR']);
    expect(uk.title).toBe('Latest on GDPR & EU/UK data protection (UK)');
    expect(uk.items?.[0]?.jurisdictions).toEqual(['uk']);
    expect(titles(await h.run('latest us'))).toEqual(['California privacy agency fines car maker', 'FTC order bans broker from selling location data']);
    expect(titles(await h.run('latest enforcement U.S. 1'))).toEqual(['California privacy agency fines car maker']);
    expect(titles(await h.run('latest gdpr eu uk'))).toEqual(['CNIL fines ad firm over cookie consent', 'ICO fines council under UK GDPR']);
    // Untagged items are never listed for a region, but are without one.
    expect(titles(await h.run('latest gdpr'))).toContain('Regulator fines app maker over GDPR breach');
  });

  it('keeps a topic whose name starts with a region word, and names a misspelt region', async () => {
    await seed();
    expect(titles(await h.run('latest us state law'))).toEqual(['California privacy agency fines car maker']);
    expect(titles(await h.run('latest us state law eu'))).toEqual([]);
    const mars = await h.run('latest gdpr mars');
    expect(mars).toMatchObject({ kind: 'error', text: '"mars" is not a region: use us, eu, uk, apac or intl. Example: `latest gdpr us`' });
    expect(readable(await h.run('latest apac'))).toContain('No items tagged APAC yet.');
  });

  it('`search <words> --region eu` and its chat forms', async () => {
    await seed();
    expect(titles(await h.run('search fines'))).toHaveLength(4);
    const eu = await h.run('search fines --region eu');
    expect(eu.title).toBe('Search: fines (EU)');
    expect(titles(eu)).toEqual(['CNIL fines ad firm over cookie consent']);
    expect(titles(await h.run('/privacy search fines --region=uk'))).toEqual(['ICO fines council under UK GDPR']);
    expect(titles(await h.run('search --region eu,uk fines'))).toEqual(['CNIL fines ad firm over cookie consent', 'ICO fines council under UK GDPR']);
    expect(titles(await h.run('search fines \u2014region us'))).toEqual(['California privacy agency fines car maker']);
    expect((await h.run('search fines --region mars')).text).toBe('"mars" is not a region: use us, eu, uk, apac or intl. Example: `search fines --region eu`');
    expect((await h.run('search fines --region')).text).toBe('Name a region after `--region`. Example: `search fine --region eu`');
    expect((await h.run('search --region eu')).text).toBe('The search words are missing. Example: `search biometric data`');
  });

  it('`region` sets, shows and clears the channel filter; bad input changes nothing', async () => {
    await h.run('subscribe enforcement');
    expect(readable(await h.run('region'))).toContain('This channel receives all regions.');
    const set = await h.run('region us eu');
    expect(set.title).toBe('Region setting changed');
    expect(readable(set)).toContain('This channel now receives US, EU, plus items that name no region.');
    expect((await h.store.subscriptions.get(h.channel))?.regionFilter).toEqual({ regions: ['us', 'eu'], strict: false });
    expect(readable(await h.run('region strict'))).toContain('US, EU only; items with no region are left out (strict)');
    expect((await h.store.subscriptions.get(h.channel))?.regionFilter).toEqual({ regions: ['us', 'eu'], strict: true });
    expect(readable(await h.run('subscriptions'))).toContain('Regions: US, EU only; items with no region are left out (strict)');

    for (const [text, reply] of [
      ['region mars', '"mars" is not a region: use us, eu, uk, apac or intl (or `all`, `strict`). Example: `region us eu`'],
      ['region all us', '`all` already means every region: give either `all` or some regions. Example: `region us eu`'],
      [`region ${'us '.repeat(11)}`, 'Give at most 10 words (got 11). Example: `region us eu`'],
    ] as const) {
      expect((await h.run(text)).text).toBe(reply);
      expect((await h.store.subscriptions.get(h.channel))?.regionFilter).toEqual({ regions: ['us', 'eu'], strict: true });
    }
    expect((await h.run('region all', { canManage: false })).text).toMatch(/^Sorry, only workspace admins can change the region setting/);
    expect((await h.store.subscriptions.get(h.channel))?.regionFilter).toEqual({ regions: ['us', 'eu'], strict: true });

    expect(readable(await h.run('region uk'))).toContain('UK, plus items that name no region');
    expect((await h.store.subscriptions.get(h.channel))?.regionFilter).toEqual({ regions: ['uk'], strict: false });
    expect(readable(await h.run('region all'))).toContain('This channel now receives all regions.');
    expect((await h.store.subscriptions.get(h.channel))?.regionFilter).toEqual({ regions: [], strict: false });
    expect(readable(await h.run('subscriptions'))).toContain('Regions: all regions');
  });

  it('`region` on a channel without subscriptions explains instead of failing', async () => {
    expect((await h.run('region us')).text).toBe('This channel has no subscriptions yet, so there is nothing to filter: subscribe first. Example: `subscribe ai gdpr`');
    expect(readable(await h.run('region'))).toContain('This channel has no subscriptions yet');
    await h.store.subscriptions.subscribe(h.channel, ['ai'], WEEKLY, h.clock.now());
    expect((await h.store.subscriptions.get(h.channel))?.regionFilter).toEqual({ regions: [], strict: false });
  });

  it('`why` names each region with the phrases behind it', async () => {
    const [uk, , none] = await seed();
    expect(readable(await h.run(`why #${uk!.id}`))).toContain('Regions: UK (matched "ICO", "UK GDPR")');
    expect(readable(await h.run(`why ${none!.id}`))).not.toContain('Regions:');
  });
});
