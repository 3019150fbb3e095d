import { describe, expect, it } from 'vitest';
import type { DigestSchedule, Subscription } from '../../src/core/types.js';
import { defaultDigestSchedule, dueDigests, nextDigestAt, previousDigestAt } from '../../src/digest/digest-schedule.js';
import { fromWallTime, toWallTime } from '../../src/digest/zoned-time.js';

const schedule = (weekday: number, time: string, timeZone: string): DigestSchedule => ({ enabled: true, weekday, time, timeZone });
const iso = (date: Date | null): string | null => date?.toISOString() ?? null;

/** The weekly slots a schedule produces, stepping from `start` like a clock would. */
function slots(s: DigestSchedule, start: string, count: number): string[] {
  const out: string[] = [];
  let at = new Date(start);
  for (let i = 0; i < count; i += 1) {
    const next = nextDigestAt(s, at)!;
    out.push(next.toISOString());
    at = next;
  }
  return out;
}

describe('defaultDigestSchedule', () => {
  it('is Monday 09:00 in the configured zone, else UTC', () => {
    expect(defaultDigestSchedule('Europe/Berlin')).toEqual({ enabled: true, weekday: 1, time: '09:00', timeZone: 'Europe/Berlin' });
    expect(defaultDigestSchedule().timeZone).toBe('UTC');
    expect(defaultDigestSchedule('Mars/Olympus').timeZone).toBe('UTC');
  });
});

describe('nextDigestAt', () => {
  it('keeps Monday 09:00 Berlin across the March daylight-saving change (UTC+1 to UTC+2)', () => {
    expect(slots(schedule(1, '09:00', 'Europe/Berlin'), '2026-03-16T00:00:00Z', 3)).toEqual([
      '2026-03-16T08:00:00.000Z',
      '2026-03-23T08:00:00.000Z',
      '2026-03-30T07:00:00.000Z',
    ]);
  });

  it('keeps Monday 09:00 Berlin across the October change back (UTC+2 to UTC+1)', () => {
    expect(slots(schedule(1, '09:00', 'Europe/Berlin'), '2026-10-19T00:00:00Z', 3)).toEqual([
      '2026-10-19T07:00:00.000Z',
      '2026-10-26T08:00:00.000Z',
      '2026-11-02T08:00:00.000Z',
    ]);
  });

  it('follows New York, whose change is on a different date (8 March 2026)', () => {
    expect(slots(schedule(1, '09:00', 'America/New_York'), '2026-03-01T00:00:00Z', 2)).toEqual([
      '2026-03-02T14:00:00.000Z',
      '2026-03-09T13:00:00.000Z',
    ]);
    // Friday 16:30 in New York is already Saturday in Tokyo and 21:30/20:30 UTC.
    expect(iso(nextDigestAt(schedule(5, '16:30', 'America/New_York'), new Date('2026-03-02T00:00:00Z')))).toBe('2026-03-06T21:30:00.000Z');
    expect(iso(nextDigestAt(schedule(5, '16:30', 'America/New_York'), new Date('2026-03-07T00:00:00Z')))).toBe('2026-03-13T20:30:00.000Z');
  });

  it('uses the local date, not the UTC date, to find the weekday', () => {
    // 23:30 UTC on Sunday is already Monday 08:30 in Tokyo: the Monday 09:00 slot is 30 minutes away.
    expect(iso(nextDigestAt(schedule(1, '09:00', 'Asia/Tokyo'), new Date('2026-03-01T23:30:00Z')))).toBe('2026-03-02T00:00:00.000Z');
    expect(iso(nextDigestAt(schedule(0, '20:00', 'Pacific/Auckland'), new Date('2026-03-01T00:00:00Z')))).toBe('2026-03-01T07:00:00.000Z');
  });

  it('is strictly after: a digest at exactly the slot time gets the following week', () => {
    const s = schedule(1, '09:00', 'UTC');
    expect(iso(nextDigestAt(s, new Date('2026-03-02T09:00:00Z')))).toBe('2026-03-09T09:00:00.000Z');
    expect(iso(previousDigestAt(s, new Date('2026-03-02T09:00:00Z')))).toBe('2026-03-02T09:00:00.000Z');
    expect(iso(previousDigestAt(s, new Date('2026-03-02T08:59:00Z')))).toBe('2026-02-23T09:00:00.000Z');
  });

  it('moves a time skipped by the spring change forward by the gap, once', () => {
    // Berlin skips 02:00-03:00 on Sunday 29 March 2026: "02:30" happens at 03:30 CEST.
    const s = schedule(0, '02:30', 'Europe/Berlin');
    expect(slots(s, '2026-03-22T12:00:00Z', 2)).toEqual(['2026-03-29T01:30:00.000Z', '2026-04-05T00:30:00.000Z']);
  });

  it('sends a time repeated by the autumn change once, at its first occurrence', () => {
    // Berlin repeats 02:00-03:00 on Sunday 25 October 2026.
    const s = schedule(0, '02:30', 'Europe/Berlin');
    expect(slots(s, '2026-10-18T12:00:00Z', 2)).toEqual(['2026-10-25T00:30:00.000Z', '2026-11-01T01:30:00.000Z']);
    expect(iso(nextDigestAt(s, new Date('2026-10-25T00:31:00Z')))).toBe('2026-11-01T01:30:00.000Z');
  });

  it('returns null for a schedule it cannot compute instead of throwing', () => {
    expect(nextDigestAt(schedule(1, '25:00', 'UTC'), new Date())).toBeNull();
    expect(nextDigestAt(schedule(9, '09:00', 'UTC'), new Date())).toBeNull();
    expect(nextDigestAt(schedule(1, '09:00', 'Nowhere/Land'), new Date())).toBeNull();
  });
});

describe('wall time round trip', () => {
  it('maps every hour of the change weekends back to itself (where it exists)', () => {
    const weekends: Array<[string, string]> = [
      ['Europe/Berlin', '2026-03-28T00:00:00Z'],
      ['Europe/Berlin', '2026-10-24T00:00:00Z'],
      ['America/New_York', '2026-03-07T00:00:00Z'],
      ['America/New_York', '2026-10-31T00:00:00Z'],
    ];
    for (const [zone, start] of weekends) {
      for (let m = 0; m < 72 * 60; m += 60) {
        const instant = new Date(Date.parse(start) + m * 60_000);
        expect(fromWallTime(toWallTime(instant, zone), zone).getTime()).toBeLessThanOrEqual(instant.getTime());
        expect(toWallTime(fromWallTime(toWallTime(instant, zone), zone), zone)).toEqual(toWallTime(instant, zone));
      }
    }
  });
});

describe('dueDigests', () => {
  const base = (overrides: Partial<Subscription>): Subscription => ({
    destination: { platform: 'slack', workspaceId: 'T1', channelId: 'C1' },
    topics: ['ai'],
    digest: schedule(1, '09:00', 'Europe/Berlin'),
    status: 'active',
    pausedReason: null,
    lastDigestAt: null,
    createdAt: new Date('2026-03-01T00:00:00Z'),
    isAdmin: false,
    regionFilter: { regions: [], strict: false },
    ...overrides,
  });
  const slot = new Date('2026-03-30T07:00:00Z'); // Monday 09:00 CEST

  it('is due from the slot on, until a digest is marked sent for it', () => {
    expect(dueDigests([base({ lastDigestAt: new Date('2026-03-23T08:00:00Z') })], new Date(slot.getTime() - 60_000))).toEqual([]);
    expect(dueDigests([base({ lastDigestAt: new Date('2026-03-23T08:00:00Z') })], slot).map((d) => iso(d.periodStart))).toEqual([slot.toISOString()]);
    expect(dueDigests([base({ lastDigestAt: slot })], new Date(slot.getTime() + 3600_000))).toEqual([]);
  });

  it('catches up a digest missed during downtime, but not one older than the lateness limit', () => {
    const subscription = base({ lastDigestAt: new Date('2026-03-23T08:00:00Z') });
    expect(dueDigests([subscription], new Date('2026-03-31T12:00:00Z'))).toHaveLength(1);
    expect(dueDigests([subscription], new Date('2026-04-04T12:00:00Z'))).toHaveLength(0);
  });

  it('skips paused channels, digests turned off, and channels that subscribed after the slot', () => {
    expect(dueDigests([base({ status: 'paused' })], slot)).toEqual([]);
    expect(dueDigests([base({ digest: { ...schedule(1, '09:00', 'Europe/Berlin'), enabled: false } })], slot)).toEqual([]);
    expect(dueDigests([base({ createdAt: new Date(slot.getTime() + 1) })], new Date(slot.getTime() + 3600_000))).toEqual([]);
  });
});
