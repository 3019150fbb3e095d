import { afterEach, describe, expect, it } from 'vitest';
import { createSilentLogger } from '../../src/core/logger.js';
import { createCommandHandler } from '../../src/commands/create-command-handler.js';
import { isQuietAt, quietUntil } from '../../src/delivery/quiet-hours.js';
import { defaultTopics } from '../../src/tagging/taxonomy.js';
import { createDispatchHarness } from './dispatcher-harness.js';
import { DIGEST_DEFAULTS, slackChannel } from './store-harness.js';

const BERLIN_NIGHT = { start: '22:00', end: '07:00', weekends: false, timeZone: 'Europe/Berlin' };

describe('quiet hours window', () => {
  it('knows when a window that crosses midnight is on, and when it ends', () => {
    // 2026-01-05 is a Monday; Berlin is UTC+1 in January.
    expect(isQuietAt(BERLIN_NIGHT, new Date('2026-01-05T20:59:00Z'))).toBe(false);
    expect(isQuietAt(BERLIN_NIGHT, new Date('2026-01-05T21:00:00Z'))).toBe(true);
    expect(quietUntil(BERLIN_NIGHT, new Date('2026-01-05T21:00:00Z'))?.toISOString()).toBe('2026-01-06T06:00:00.000Z');
    expect(quietUntil(BERLIN_NIGHT, new Date('2026-01-06T05:59:00Z'))?.toISOString()).toBe('2026-01-06T06:00:00.000Z');
    expect(quietUntil(BERLIN_NIGHT, new Date('2026-01-06T06:00:00Z'))).toBeNull();
  });

  it('keeps the whole weekend quiet with `weekends`, ending Monday at the window end', () => {
    const weekends = { ...BERLIN_NIGHT, weekends: true };
    // Saturday noon in Berlin.
    expect(quietUntil(BERLIN_NIGHT, new Date('2026-01-10T11:00:00Z'))).toBeNull();
    expect(quietUntil(weekends, new Date('2026-01-10T11:00:00Z'))?.toISOString()).toBe('2026-01-12T06:00:00.000Z');
  });

  it('follows daylight-saving changes in the zone', () => {
    // Berlin moves to UTC+2 on 2026-03-29: 07:00 local is 05:00 UTC that morning.
    expect(quietUntil(BERLIN_NIGHT, new Date('2026-03-28T23:00:00Z'))?.toISOString()).toBe('2026-03-29T05:00:00.000Z');
  });

  it('treats 00:00-23:59 as quiet all day but the last minute', () => {
    const allDay = { start: '00:00', end: '23:59', weekends: false, timeZone: 'UTC' };
    expect(quietUntil(allDay, new Date('2026-01-05T09:00:00Z'))?.toISOString()).toBe('2026-01-05T23:59:00.000Z');
  });
});

describe('quiet hours in the dispatcher', () => {
  let close: (() => Promise<void>) | undefined;
  afterEach(async () => {
    await close?.();
  });

  async function quietHarness() {
    const h = await createDispatchHarness();
    close = () => h.store.close();
    await h.subscribe('C1');
    await h.subscribe('C2');
    // 09:00 UTC now; C1 is quiet 08:00-10:00 UTC, C2 is not.
    await h.store.subscriptions.setQuiet(slackChannel('C1'), { start: '08:00', end: '10:00', weekends: false, timeZone: 'UTC' });
    return h;
  }

  it('holds item posts in the window and releases them as ONE roll-up when it ends', async () => {
    const h = await quietHarness();
    const items = await h.publish(3);
    await h.drain(1_200, 20);
    expect(h.slack.sends.filter((send) => send.destination.channelId === 'C1')).toEqual([]);
    expect(h.slack.sends.filter((send) => send.destination.channelId === 'C2')).toHaveLength(3);
    const held = await h.store.outbox.list({ destination: slackChannel('C1') });
    expect(held.map((row) => [row.status, row.nextAttemptAt.toISOString()])).toEqual(Array(3).fill(['failed', '2026-01-05T10:00:00.000Z']));

    h.clock.set('2026-01-05T10:00:00Z');
    await h.drain(1_200, 20);
    const c1 = h.slack.sends.filter((send) => send.destination.channelId === 'C1');
    expect(c1).toHaveLength(1);
    expect(c1[0]?.message).toMatchObject({ kind: 'rollup' });
    expect(c1[0]?.message.sections?.[0]?.heading).toBe('3 items arrived during quiet hours');
    expect(c1[0]?.message.sections?.[0]?.items.map((item) => item.title)).toEqual(items.map((item) => item.title));
    // Nothing dropped, nothing left waiting.
    const rows = await h.store.outbox.list({ destination: slackChannel('C1') });
    expect(rows.filter((row) => row.kind === 'item').every((row) => row.status === 'dead' && row.lastError?.startsWith('rolled_up: quiet:'))).toBe(true);
    expect(rows.filter((row) => row.kind === 'rollup').map((row) => row.status)).toEqual(['sent']);
  });

  it('does not hold digests or notices', async () => {
    const h = await quietHarness();
    await h.store.outbox.enqueue([{ dedupKey: 'notice:1', destination: slackChannel('C1'), kind: 'notice', payload: { text: 'Feed failing' } }], h.clock.now());
    await h.drain(1_200, 5);
    expect(h.slack.sends.map((send) => send.message.text)).toEqual(['Feed failing']);
  });

  it('`quiet off` posts what was held at once, as one message', async () => {
    const h = await quietHarness();
    await h.publish(2);
    await h.drain(1_200, 5);
    const commands = createCommandHandler({
      store: h.store, clock: h.clock, logger: createSilentLogger(), topics: defaultTopics(), digestDefaults: DIGEST_DEFAULTS,
    });
    const reply = await commands.handle('quiet off', { destination: slackChannel('C1'), userId: 'U1', canManage: true });
    expect(reply.text).toBe('Quiet hours are off. The 2 held items are posted now, as one message.');
    await h.drain(1_200, 5);
    const c1 = h.slack.sends.filter((send) => send.destination.channelId === 'C1');
    expect(c1.map((send) => send.message.sections?.[0]?.heading)).toEqual(['2 items arrived during quiet hours']);
    expect(h.clock.now().getTime()).toBeLessThan(new Date('2026-01-05T10:00:00Z').getTime());
  });
});
