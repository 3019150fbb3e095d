import { afterEach, describe, expect, it } from 'vitest';
import type { ChatMessage } from '../../src/chat/message.js';
import type { Destination } from '../../src/core/types.js';
import { insertItems, taggedItem } from '../delivery/store-harness.js';
import { createCommandHarness, readable, type CommandHarness as Harness } from './command-harness.js';

describe('digest', () => {
  let h: Harness;
  afterEach(async () => h.store.close());

  it('shows and changes the schedule, validating day, time and zone', async () => {
    const asked: string[] = [];
    h = await createCommandHarness({
      digest: {
        preview: async (d: Destination): Promise<ChatMessage> => (asked.push(`preview ${d.channelId}`), { kind: 'digest', text: 'Digest preview', visibility: 'public' }),
        sendNow: async (d: Destination): Promise<ChatMessage> => (asked.push(`now ${d.channelId}`), { text: 'Digest posted.' }),
      },
    });
    expect((await h.run('digest')).text).toBe('This channel has no subscriptions, so it has no digest. Subscribe first, e.g. `subscribe ai gdpr`');
    expect((await h.run('digest preview')).text).toContain('This channel has no subscriptions');
    await h.run('subscribe ai');
    expect((await h.run('digest')).text).toBe('Weekly digest: Mondays at 09:00 (UTC). Change it with `digest weekly mon 09:00 America/New_York` or `digest off`.');
    expect((await h.run('digest weekly fri 16:30 europe/berlin')).text).toBe('Weekly digest: Fridays at 16:30 (Europe/Berlin).');
    expect((await h.run('digest weekly tue 8:15')).text).toBe('Weekly digest: Tuesdays at 08:15 (Europe/Berlin).');
    expect((await h.run('digest off')).text).toBe('Weekly digest: off.');
    expect((await h.store.subscriptions.get(h.channel))?.digest).toEqual({ enabled: false, weekday: 2, time: '08:15', timeZone: 'Europe/Berlin' });
    expect((await h.run('digest on')).text).toBe('Weekly digest: Tuesdays at 08:15 (Europe/Berlin).');
    const preview = await h.run('digest preview');
    expect(preview).toMatchObject({ text: 'Digest preview', visibility: 'private' });
    expect((await h.run('digest now')).text).toBe('Digest posted.');
    expect(asked).toEqual(['preview C1', 'now C1']);
  });

  it.each([
    ['digest weekly funday 09:00', '"funday" is not a day of the week: use mon, tue, wed, thu, fri, sat or sun.'],
    ['digest weekly mon 25:00', '"25:00" is not a time: use 24-hour HH:MM, e.g. 09:00 or 16:30.'],
    ['digest weekly mon 09:00 Mars/Base', '"Mars/Base" is not an IANA time zone (like Europe/Berlin or America/New_York).'],
    ['digest weekly', 'The day is missing.'],
    ['digest daily', '"daily" is not a digest option: use on, off, preview, now or weekly.'],
  ])('%s -> names the problem with the example', async (text, problem) => {
    h = await createCommandHarness();
    await h.run('subscribe ai');
    expect((await h.run(text)).text).toBe(`${problem} Example: \`digest weekly mon 09:00 America/New_York\``);
    expect((await h.store.subscriptions.get(h.channel))?.digest.weekday).toBe(1);
  });

  it('says when digests are not wired', async () => {
    h = await createCommandHarness();
    await h.run('subscribe ai');
    expect((await h.run('digest preview')).text).toBe('Digests are not available in this installation.');
  });
});

describe('topics, feeds, why, faults', () => {
  let h: Harness;
  afterEach(async () => h.store.close());

  it('lists the 17 topics with labels and definitions', async () => {
    h = await createCommandHarness();
    const reply = await h.run('topics');
    expect(reply.title).toBe('17 topics');
    expect(reply.fields?.[1]?.label).toBe('GDPR & EU/UK data protection (gdpr)');
    expect(reply.fields?.[1]?.value.length).toBeGreaterThan(20);
  });

  it('lists feeds with their health, failing first', async () => {
    h = await createCommandHarness();
    expect((await h.run('feeds')).lines).toEqual(['🆕 BBC: not polled yet', '🆕 Reuters: not polled yet']);
    await h.store.feeds.updateState('bbc', { health: 'failing', lastError: { kind: 'dns', message: 'getaddrinfo ENOTFOUND bbc.example' }, nextCheckAt: new Date('2026-01-05T20:05:00Z') });
    await h.store.feeds.updateState('reuters', { health: 'ok', lastSuccessAt: new Date('2026-01-05T08:30:00Z') });
    const reply = await h.run('feeds');
    expect(reply.title).toBe('2 feeds, 1 failing');
    // The error in plain words and when it is tried next, never an error code or an ISO time.
    expect(reply.lines).toEqual(['⚠️ BBC: DNS lookup failed, next try 20:05 UTC; no success yet', '✅ Reuters: ok, last success Mon 5 Jan, 08:30 UTC']);
    await h.store.feeds.updateState('bbc', { lastError: { kind: 'http_5xx', message: 'HTTP 503' }, nextCheckAt: new Date('2026-01-06T07:00:00Z') });
    expect((await h.run('feeds')).lines?.[0]).toBe('⚠️ BBC: the feed’s server had an error (HTTP 503), next try Tue 6 Jan, 07:00 UTC; no success yet');
  });

  it('uses feedsSummary when given, capping long lists', async () => {
    const feeds = Array.from({ length: 45 }, (_, i) => ({ name: `Feed ${String(i).padStart(2, '0')}`, health: 'ok' as const, lastSuccessAt: null, lastError: null }));
    h = await createCommandHarness({ feedsSummary: async () => feeds });
    const reply = await h.run('feeds');
    expect(reply.lines).toHaveLength(40);
    expect(reply.footer).toBe('and 5 more');
  });

  it('explains an item by id or link, with its story', async () => {
    h = await createCommandHarness();
    const [item] = await insertItems(h.store, 'reuters', [taggedItem({
      title: 'CNIL fines firm', url: 'https://news.example/cnil', topics: ['gdpr', 'enforcement'], why: { gdpr: ['CNIL'], enforcement: ['fines'] },
      jurisdictions: ['eu'], jurisdictionWhy: { eu: ['CNIL'] },
    })], h.clock.now());
    const [other] = await insertItems(h.store, 'bbc', [taggedItem({ title: 'French regulator fines firm' })], h.clock.now());
    await h.store.items.setStory([item!.id, other!.id], item!.id);
    for (const text of [`why ${item!.id}`, `why #${item!.id}`, 'why https://news.example/cnil', 'why <https://news.example/cnil|news.example/cnil>']) {
      const reply = await h.run(text);
      expect(reply.title).toBe('Why: CNIL fines firm');
      expect(reply.lines).toEqual([
        'GDPR & EU/UK data protection (gdpr): matched "CNIL"',
        'Regulatory enforcement (enforcement): matched "fines"',
        'Regions: EU (matched "CNIL")',
        'Same story: first reported by Reuters (1 more report):',
        '• BBC: French regulator fines firm',
      ]);
    }
    // A report the matcher joined says which earlier report it matched, and why.
    const [guardian] = await insertItems(h.store, 'reuters', [taggedItem({ title: 'CNIL fines firm €2m over cookies', url: 'https://other.example/cnil' })], h.clock.now());
    const [echo] = await insertItems(h.store, 'bbc', [taggedItem({ title: 'CNIL fines firm €2m over cookies', url: 'https://bbc.example/cnil' })], h.clock.now());
    await h.store.items.setStory([guardian!.id, echo!.id], guardian!.id);
    expect((await h.run(`why ${echo!.id}`)).lines?.at(-1)).toMatch(/^• BBC: CNIL fines firm €2m over cookies, matched Reuters \((near-identical headline|same figure and names)/);
    expect((await h.run('why 99999')).text).toBe('No stored item matches "99999". Example: `why #37`');
    expect((await h.run('why banana')).text).toContain('"banana" is neither an item link (https://...) nor an item id.');
    expect((await h.run('why')).text).toBe('Give an item link or id. Example: `why #37`');
  });

  it('answers an unexpected fault with a short apology and logs it once', async () => {
    const base = await createCommandHarness();
    const broken = { ...base.store, items: { ...base.store.items, latest: async () => Promise.reject(new Error('disk I/O error')) } };
    h = await createCommandHarness({}, broken);
    const reply = await h.run('latest ai');
    expect(reply).toEqual({
      kind: 'error',
      visibility: 'private',
      text: 'Sorry, something went wrong while answering that. Please try again in a minute.',
      lines: ['Sorry, something went wrong while answering that. Please try again in a minute.'],
    });
    expect(readable(reply)).not.toContain('disk I/O');
    expect(h.logLines).toHaveLength(1);
    expect(JSON.parse(h.logLines[0]!)).toMatchObject({ msg: 'command failed', command: 'latest', err: { message: 'disk I/O error' } });
  });
});
