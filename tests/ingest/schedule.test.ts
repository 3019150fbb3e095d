import { describe, expect, it } from 'vitest';
import type { FeedState } from '../../src/core/types.js';
import { maxAgeSeconds, retryAfterMs } from '../../src/ingest/http/cache-headers.js';
import { FAILING_THRESHOLD, failurePatch, successPatch } from '../../src/ingest/schedule/feed-health.js';
import { createHostLimiter } from '../../src/ingest/schedule/host-limiter.js';
import { failureDelayMs, MAX_DELAY_MS, successDelayMs, successPeriodMs } from '../../src/ingest/schedule/next-check.js';
import { REDIRECT_CONFIRMATIONS, trackRedirect } from '../../src/ingest/schedule/track-redirect.js';

const MIN = 60_000;
const URL_A = 'https://a.example/feed';
const within = (value: number, low: number, high: number) => {
  expect(value).toBeGreaterThanOrEqual(low);
  expect(value).toBeLessThanOrEqual(high);
};

describe('next check (R11)', () => {
  const NOW = new Date('2026-01-05T09:00:00Z');

  it('the period is the largest of interval, ttl, max-age and Retry-After, clamped to [5 min, 24 h]', () => {
    expect(successPeriodMs({ intervalMinutes: 30 })).toBe(30 * MIN);
    expect(successPeriodMs({ intervalMinutes: 30, ttlMinutes: 120 })).toBe(120 * MIN);
    expect(successPeriodMs({ intervalMinutes: 30, maxAgeSeconds: 3600 })).toBe(60 * MIN);
    expect(successPeriodMs({ intervalMinutes: 30, retryAfterMs: 90 * MIN })).toBe(90 * MIN);
    expect(successPeriodMs({ intervalMinutes: 1 })).toBe(5 * MIN);
    expect(successPeriodMs({ intervalMinutes: 30, ttlMinutes: 100_000 })).toBe(MAX_DELAY_MS);
  });

  it('waits at least the period (less the tick tolerance) and less than two periods', () => {
    for (let i = 0; i < 20; i++) within(successDelayMs(`https://h${i}.example/f`, { intervalMinutes: 30 }, NOW), 27 * MIN, 57 * MIN);
    within(successDelayMs(URL_A, { intervalMinutes: 30, ttlMinutes: 120 }, NOW), 115 * MIN, 235 * MIN);
    expect(successDelayMs(URL_A, { intervalMinutes: 30, retryAfterMs: 90 * MIN }, NOW)).toBeGreaterThanOrEqual(90 * MIN);
    expect(successDelayMs(URL_A, { intervalMinutes: 30, ttlMinutes: 100_000 }, NOW)).toBe(MAX_DELAY_MS);
  });

  it('feeds polled together spread over the whole period, each at its URL\'s phase', () => {
    const hints = { intervalMinutes: 60 };
    const next = Array.from({ length: 60 }, (_, i) => NOW.getTime() + successDelayMs(`https://h${i}.example/f`, hints, NOW));
    const minutesInPeriod = new Set(next.map((t) => Math.floor((t % (60 * MIN)) / (10 * MIN))));
    expect(minutesInPeriod.size).toBe(6); // every 10-minute sixth of the hour gets some feeds
    expect(successDelayMs(URL_A, hints, NOW)).toBe(successDelayMs(URL_A, hints, NOW)); // deterministic
  });

  it('once on its phase, a feed is polled once per period even when the tick runs late', () => {
    const hints = { intervalMinutes: 30 };
    let at = NOW.getTime() + successDelayMs(URL_A, hints, NOW);
    for (let i = 0; i < 5; i++) {
      const late = at + 40_000; // tick granularity plus the poll's own duration
      const next = late + successDelayMs(URL_A, hints, new Date(late));
      expect(next - at).toBe(30 * MIN);
      at = next;
    }
  });

  it('reads Cache-Control max-age and both Retry-After forms', () => {
    expect(maxAgeSeconds('public, max-age=600')).toBe(600);
    expect(maxAgeSeconds('s-maxage=60')).toBeNull();
    const now = new Date('2026-01-05T09:00:00Z');
    expect(retryAfterMs('120', null, now)).toBe(120_000);
    expect(retryAfterMs('Mon, 05 Jan 2026 09:10:00 GMT', null, now)).toBe(10 * MIN);
    expect(retryAfterMs('Mon, 05 Jan 2026 09:10:00 GMT', 'Mon, 05 Jan 2026 09:05:00 GMT', now)).toBe(5 * MIN);
    expect(retryAfterMs('soon', null, now)).toBeNull();
  });
});

describe('backoff (R10)', () => {
  it('grows exponentially with jitter and stops at 24 h', () => {
    const delays = [1, 2, 3, 4, 5].map((n) => failureDelayMs(URL_A, n, { intervalMinutes: 30 }));
    within(delays[0]!, 30 * MIN, 33 * MIN);
    within(delays[1]!, 60 * MIN, 66 * MIN);
    within(delays[2]!, 120 * MIN, 132 * MIN);
    within(delays[3]!, 240 * MIN, 264 * MIN);
    expect(failureDelayMs(URL_A, 30, { intervalMinutes: 30 })).toBe(MAX_DELAY_MS);
  });

  it('never retries before a Retry-After', () => {
    expect(failureDelayMs(URL_A, 1, { intervalMinutes: 30, retryAfterMs: 5 * 60 * MIN })).toBe(5 * 60 * MIN);
  });
});

describe('health (R10)', () => {
  const state = (over: Partial<FeedState> = {}): FeedState => ({
    etag: null, lastModified: null, bodyHash: null, fetchUrl: null, nextCheckAt: null, lastCheckAt: null,
    lastSuccessAt: null, health: 'ok', lastError: null, lastErrorAt: null, consecutiveFailures: 0,
    initialized: true, failingNoticeAt: null, ...over,
  });
  const now = new Date('2026-01-05T09:00:00Z');
  const error = { kind: 'http_5xx' as const, message: 'HTTP 500' };

  it('becomes failing at the threshold and asks for exactly one notice per episode', () => {
    let current = state();
    const notices: boolean[] = [];
    for (let i = 0; i < FAILING_THRESHOLD + 3; i++) {
      const { patch, notify } = failurePatch(current, error, now, now);
      notices.push(notify);
      current = { ...current, ...patch, ...(notify ? { failingNoticeAt: now } : {}) };
    }
    expect(notices.filter(Boolean)).toHaveLength(1);
    expect(notices[FAILING_THRESHOLD - 1]).toBe(true);
    expect(current).toMatchObject({ health: 'failing', consecutiveFailures: FAILING_THRESHOLD + 3, lastError: error, lastErrorAt: now });
    current = { ...current, ...successPatch(now, now) };
    expect(current).toMatchObject({ health: 'ok', consecutiveFailures: 0, failingNoticeAt: null });
  });
});

describe('permanent redirects (R6)', () => {
  it(`moves fetchUrl only after ${REDIRECT_CONFIRMATIONS} consecutive sightings`, () => {
    let s = { permanentRedirect: null } as unknown as FeedState;
    for (let i = 1; i < REDIRECT_CONFIRMATIONS; i++) {
      const { patch, moveTo } = trackRedirect(s, 'https://new.example/feed');
      expect(moveTo).toBeNull();
      s = { ...s, ...patch };
    }
    expect(trackRedirect(s, 'https://new.example/feed')).toEqual({ patch: { fetchUrl: 'https://new.example/feed', permanentRedirect: null }, moveTo: 'https://new.example/feed' });
    expect(trackRedirect(s, null).patch).toEqual({ permanentRedirect: null });
  });
});

describe('concurrency caps (R11)', () => {
  it('runs at most N globally and 2 per host', async () => {
    const limiter = createHostLimiter(3, 2);
    const running = new Map<string, number>();
    let maxGlobal = 0;
    let maxPerHost = 0;
    const releases: Array<() => void> = [];
    const task = (host: string) => limiter.run(host, async () => {
      running.set(host, (running.get(host) ?? 0) + 1);
      maxGlobal = Math.max(maxGlobal, limiter.active());
      maxPerHost = Math.max(maxPerHost, ...running.values());
      await new Promise<void>((resolve) => releases.push(resolve));
      running.set(host, running.get(host)! - 1);
    });
    const all = Promise.all(['a', 'a', 'a', 'a', 'b', 'c', 'c'].map(task));
    while (releases.length > 0 || limiter.active() > 0) {
      await new Promise((r) => setImmediate(r));
      releases.shift()?.();
    }
    await all;
    expect(maxGlobal).toBe(3);
    expect(maxPerHost).toBe(2);
  });
});
