import { describe, expect, it } from 'vitest';
import { insertItems, taggedItem } from '../delivery/store-harness.js';
import { readable, useCommandHarness, type CommandHarness as Harness } from './command-harness.js';

describe('watch, unwatch, watches', () => {
  let h: Harness;
  useCommandHarness((harness) => {
    h = harness;
  });

  it('saves a watch in canonical form and previews the newest stored matches', async () => {
    await insertItems(h.store, 'reuters', [
      taggedItem({ title: 'Clearview AI fined again', topics: [] }),
      taggedItem({ title: 'Police use Clearview', topics: [] }),
      taggedItem({ title: 'Unrelated cookie news', topics: ['gdpr'] }),
    ], h.clock.now());
    const reply = await h.run('watch Clearview  -POLICE');
    expect(reply).toMatchObject({ title: 'Watching clearview -police', visibility: 'private' });
    expect(readable(reply)).toContain('new items that match are posted in this channel, whatever their topics');
    expect(reply.sections?.[0]?.items.map((item) => item.title)).toEqual(['Clearview AI fined again']);
    expect(await h.store.watches.list(h.channel)).toEqual(['clearview -police']);
    // A watch alone keeps the channel: it has a subscription row with no topics.
    expect(await h.store.subscriptions.get(h.channel)).toMatchObject({ topics: [], status: 'active' });
    expect((await h.run('watch clearview -police')).text).toBe('This channel already watches "clearview -police".');
    expect(readable(await h.run('watches'))).toContain('• clearview -police');
  });

  it('rejects bad queries with the problem and an example, changing nothing', async () => {
    const cases: Array<[string, RegExp]> = [
      ['watch', /^Say what to watch for/],
      ['watch "facial recognition', /^The quote before "facial recognition" is never closed\./],
      ['watch -police', /only narrows other words/],
      ['watch clearview OR', /^`OR` needs words on both sides/],
      ['watch ???', /^The query needs at least one word/],
      [`watch ${'a'.repeat(201)}`, /^The query is too long \(201 characters, at most 200\)/],
      [`watch ${Array.from({ length: 13 }, (_, i) => `w${i}`).join(' ')}`, /at most 12/],
    ];
    for (const [text, expected] of cases) {
      const reply = await h.run(text);
      expect(reply.kind, text).toBe('error');
      expect(reply.text, text).toMatch(expected);
      expect(reply.text, text).toMatch(/Example: `(un)?watch /);
    }
    expect(await h.store.watches.list(h.channel)).toEqual([]);
    expect(await h.store.subscriptions.get(h.channel)).toBeNull();
  });

  it('limits a channel to 20 watches with a clear reply', async () => {
    for (let i = 0; i < 20; i += 1) expect((await h.run(`watch company${i}`)).kind).toBe('reply');
    const refused = await h.run('watch one-more');
    expect(refused.text).toBe('This channel has 20 watches, the most it can have; remove one with `unwatch` first. Example: `unwatch clearview`');
    expect(await h.store.watches.list(h.channel)).toHaveLength(20);
  });

  it('unwatches one (typed in any equivalent form) or all, and drops a channel kept only for watches', async () => {
    await h.run('watch "Facial Recognition" clearview');
    await h.run('watch meta');
    expect((await h.run('unwatch nothing')).text).toBe('This channel does not watch "nothing". Its watches: `"facial recognition" clearview`, "meta".');
    expect((await h.run('unwatch  "facial   recognition"  CLEARVIEW')).text).toBe('Stopped watching `"facial recognition" clearview`.');
    expect(await h.store.watches.list(h.channel)).toEqual(['meta']);
    expect((await h.run('unwatch all')).text).toBe('Removed all 1 watches of this channel.');
    expect(await h.store.subscriptions.get(h.channel)).toBeNull();
  });

  it('needs canManage to change watches but not to list them', async () => {
    const refused = await h.run('watch clearview', { canManage: false });
    expect(refused.text).toMatch(/^Sorry, only workspace admins can change watches/);
    expect((await h.run('unwatch all', { canManage: false })).text).toMatch(/^Sorry/);
    expect((await h.run('watches', { canManage: false })).text).toMatch(/^This channel has no watches\. Example: `watch /);
    expect(await h.store.watches.list(h.channel)).toEqual([]);
  });
});

describe('mute, unmute, mutes', () => {
  let h: Harness;
  useCommandHarness((harness) => {
    h = harness;
  });

  it('mutes a known source or a query and lists them', async () => {
    expect((await h.run('mute source BBC')).text).toMatch(/^Muted source bbc: Items from bbc will not be posted in this channel/);
    h.clock.advance(60_000);
    expect((await h.run('mute crypto -privacy')).text).toMatch(/^Muted "crypto -privacy"/);
    expect((await h.run('mute source bbc')).text).toBe('This channel already mutes source bbc.');
    expect(readable(await h.run('mutes'))).toContain('• source bbc\n• "crypto -privacy"');
    expect(await h.store.mutes.list(h.channel)).toEqual([{ kind: 'source', feedId: 'bbc' }, { kind: 'query', query: 'crypto -privacy' }]);
  });

  it('rejects an unknown source with a suggestion, and bad queries, changing nothing', async () => {
    expect((await h.run('mute source bbcc')).text).toBe('There is no source with the id "bbcc": did you mean `bbc`? Example: `mute source bbc`');
    expect((await h.run('mute source')).text).toMatch(/^Name a source \(`mute source <feed id>`/);
    expect((await h.run('mute')).kind).toBe('error');
    expect((await h.run('mute "open')).text).toMatch(/never closed.*Example: `mute source bbc-technology`/);
    expect(await h.store.mutes.list(h.channel)).toEqual([]);
  });

  it('unmutes one or all, and refuses without canManage', async () => {
    await h.run('mute source bbc');
    h.clock.advance(60_000);
    await h.run('mute crypto');
    expect((await h.run('unmute source bbc', { canManage: false })).text).toMatch(/^Sorry, only workspace admins can change mutes/);
    expect((await h.run('unmute source reuters')).text).toBe('This channel does not mute source reuters. Its mutes: source bbc, "crypto".');
    expect((await h.run('unmute source bbc')).text).toBe('Unmuted source bbc.');
    expect((await h.run('unmute all')).text).toBe('Removed all 1 mutes of this channel.');
    expect(await h.store.mutes.list(h.channel)).toEqual([]);
  });
});

describe('quiet hours', () => {
  let h: Harness;
  useCommandHarness((harness) => {
    h = harness;
  });

  it('sets quiet hours in the digest zone by default, shows and turns them off', async () => {
    await h.run('subscribe ai');
    await h.store.subscriptions.setDigest(h.channel, { enabled: true, weekday: 1, time: '09:00', timeZone: 'Europe/Berlin' });
    // 09:00 UTC on a Monday is 10:00 in Berlin: inside 08:00-18:00.
    const reply = await h.run('quiet 08:00-18:00');
    expect(reply.text).toBe(
      'Quiet hours: 08:00-18:00 (Europe/Berlin). Posts in that time are held and arrive as one message when it ends; the weekly digest is not affected. It is quiet now: posts are held until Mon 18:00.',
    );
    expect((await h.store.subscriptions.get(h.channel))?.quiet).toEqual({ start: '08:00', end: '18:00', weekends: false, timeZone: 'Europe/Berlin' });
    // 04:00 in New York: inside 22:00-07:00.
    expect((await h.run('quiet 22:00-7:00 weekends America/New_York')).text).toMatch(/^Quiet hours: 22:00-07:00 and all weekend \(America\/New_York\)\..* held until Mon 07:00\.$/);
    h.clock.advance(3 * 3_600_000);
    expect((await h.run('quiet')).text).toMatch(/^Quiet hours: 22:00-07:00 and all weekend \(America\/New_York\)\. It is not quiet now\./);
    expect((await h.run('quiet off')).text).toBe('Quiet hours are off. Nothing was held.');
    expect((await h.store.subscriptions.get(h.channel))?.quiet).toBeNull();
  });

  it('rejects bad windows with the problem and an example, changing nothing', async () => {
    await h.run('subscribe ai');
    const cases: Array<[string, RegExp]> = [
      ['quiet 25:00-07:00', /^"25:00" is not a time: use 24-hour HH:MM, from 00:00 to 23:59\./],
      ['quiet 22:00-7', /^"7" is not a time/],
      ['quiet 22:00', /^"22:00" is not a time window/],
      ['quiet 07:00-07:00', /^The window starts and ends at 07:00/],
      ['quiet 22:00-07:00 Mars/Olympus', /^"Mars\/Olympus" is neither `weekends` nor an IANA time zone/],
    ];
    for (const [text, expected] of cases) {
      const reply = await h.run(text);
      expect(reply.text, text).toMatch(expected);
      expect(reply.text, text).toMatch(/Example: `quiet 22:00-07:00 weekends Europe\/Berlin`$/);
    }
    expect((await h.store.subscriptions.get(h.channel))?.quiet).toBeNull();
    expect((await h.run('quiet 22:00-07:00', { canManage: false })).text).toMatch(/^Sorry/);
  });

  it('explains that a channel without subscriptions has nothing to hold', async () => {
    expect((await h.run('quiet 22:00-07:00')).text).toMatch(/^This channel follows no topics or watches/);
  });
});

describe('logs and typed rules', () => {
  it('never writes a watch or mute query to the logs, even when the command fails', async () => {
    const { createCommandHarness } = await import('./command-harness.js');
    const h = await createCommandHarness();
    await h.run('watch zebracorp-secret-watch');
    await h.run('mute zebracorp-secret-mute');
    await h.run('unwatch zebracorp-secret-watch');
    // The database goes away: every command now fails and is logged.
    await h.store.close();
    for (const text of ['watch zebracorp-secret-watch', 'mute zebracorp-secret-mute', 'unmute zebracorp-secret-mute', 'watches']) {
      expect((await h.run(text)).text).toMatch(/^Sorry, something went wrong/);
    }
    expect(h.logLines.length).toBeGreaterThanOrEqual(4);
    expect(h.logLines.join('\n')).toContain('"command":"watch"');
    expect(h.logLines.join('\n')).not.toMatch(/zebracorp|secret/);
  });
});

describe('subscriptions shows everything that shapes a channel', () => {
  let h: Harness;
  useCommandHarness((harness) => {
    h = harness;
  });

  it('lists topics, watches, mutes, quiet hours and digest in one reply', async () => {
    await h.run('subscribe gdpr');
    await h.run('watch clearview');
    h.clock.advance(60_000);
    await h.run('watch "facial recognition" -police');
    await h.run('mute source bbc');
    await h.run('quiet 22:00-07:00 weekends Europe/Berlin');
    expect((await h.run('subscriptions')).fields).toEqual([
      { label: 'Topics', value: 'GDPR & EU/UK data protection (gdpr)' },
      { label: 'Deliveries', value: 'active' },
      { label: 'Watches', value: 'clearview; "facial recognition" -police' },
      { label: 'Mutes', value: 'source bbc' },
      { label: 'Quiet hours', value: '22:00-07:00 and all weekend (Europe/Berlin)' },
      { label: 'Weekly digest', value: 'Mondays at 09:00 (UTC)' },
      { label: 'Regions', value: 'all regions' },
    ]);
  });

  it('a channel with watches and no topics is subscribed', async () => {
    await h.run('watch clearview');
    expect((await h.run('subscriptions')).fields?.slice(0, 3)).toEqual([
      { label: 'Topics', value: 'none' },
      { label: 'Deliveries', value: 'active' },
      { label: 'Watches', value: 'clearview' },
    ]);
  });
});

describe('why says what decided this channel\'s delivery', () => {
  let h: Harness;
  useCommandHarness((harness) => {
    h = harness;
  });

  it('names the topic, the watch or the mute', async () => {
    const [ai, clearview, bbc] = await insertItems(h.store, 'reuters', [
      taggedItem({ title: 'AI act news', topics: ['ai'] }),
      taggedItem({ title: 'Clearview fined', topics: ['biometrics'] }),
    ], h.clock.now()).then(async (items) => [...items, ...(await insertItems(h.store, 'bbc', [taggedItem({ title: 'BBC on AI', topics: ['ai'] })], h.clock.now()))]);
    await h.run('subscribe ai');
    await h.run('watch clearview');
    await h.run('mute source bbc');
    expect((await h.run(`why #${ai!.id}`)).lines?.at(-1)).toBe('In this channel: delivered because it follows AI & automated decisions (ai).');
    expect((await h.run(`why ${clearview!.id}`)).lines?.at(-1)).toBe('In this channel: delivered because of the watch "clearview".');
    expect((await h.run(`why ${bbc!.id}`)).lines?.at(-1)).toBe('In this channel: not delivered: muted (source bbc); `unmute` undoes it.');
    await h.run('unsubscribe all');
    await h.run('subscribe gdpr');
    expect((await h.run(`why ${ai!.id}`)).lines?.at(-1)).toBe('In this channel: not delivered: it follows none of the item’s topics and no watch matches it.');
  });

  it('treats an item of another workspace\'s chat-added source as unknown', async () => {
    await h.store.feeds.addOwned({ id: 'theirs', url: 'https://theirs.example/feed' }, { platform: 'slack', workspaceId: 'T2' }, h.clock.now());
    const [item] = await insertItems(h.store, 'theirs', [taggedItem({ title: 'Their private source', topics: ['ai'] })], h.clock.now());
    expect((await h.run(`why ${item!.id}`)).text).toBe(`No stored item matches "${item!.id}". Example: \`why #37\``);
    expect((await h.run(`why ${item!.id}`, { destination: { platform: 'slack', workspaceId: 'T2', channelId: 'C9' } })).title).toBe('Why: Their private source');
    // Nor do its items show in `latest` or `search` here.
    expect(JSON.stringify(await h.run('latest'))).not.toContain('Their private source');
    expect(JSON.stringify(await h.run('search private source'))).not.toContain('Their private source');
    const t2 = { destination: { platform: 'slack' as const, workspaceId: 'T2', channelId: 'C9' } };
    expect(JSON.stringify(await h.run('latest', t2))).toContain('Their private source');
    expect(JSON.stringify(await h.run('search private source', t2))).toContain('Their private source');
  });

  it('search explains an unusable query like watch does', async () => {
    expect((await h.run('search "facial recognition')).text).toBe('The quote before "facial recognition" is never closed. Example: `search biometric data`');
  });
});
