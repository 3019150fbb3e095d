import { describe, expect, it } from 'vitest';
import type { OutboxEntry } from '../../../src/store/store.js';
import type { StoreFactory } from '../store-behaviour.js';
import { at, minutes, slack, T0 } from '../fixtures.js';
import { useStore } from './use-store.js';

const entry = (dedupKey: string, overrides: Partial<OutboxEntry> = {}): OutboxEntry => ({
  dedupKey, destination: slack('C1'), kind: 'item', payload: { itemId: 1 }, ...overrides,
});

/** The outbox: dedup, atomic claims, claim expiry, outcomes, pacing queries. */
export function registerOutboxBehaviour(factory: StoreFactory): void {
  describe('outbox', () => {
    const store = useStore(factory);

    it('enqueues each dedup key once', async () => {
      expect(await store().outbox.enqueue([entry('a'), entry('b'), entry('a')], T0)).toBe(2);
      expect(await store().outbox.enqueue([entry('a'), entry('c')], T0)).toBe(1);
      const rows = await store().outbox.list();
      expect(rows.map((row) => row.dedupKey)).toEqual(['a', 'b', 'c']);
      expect(rows[0]).toMatchObject({ status: 'pending', attempts: 0, nextAttemptAt: T0, createdAt: T0, payload: { itemId: 1 }, lastError: null, sentAt: null, messageRef: null, storyId: null });
    });

    it('claims due rows once, in order, respecting notBefore and limit', async () => {
      await store().outbox.enqueue([entry('a'), entry('later', { notBefore: at(minutes(5)) }), entry('b')], T0);
      const claimed = await store().outbox.claim('w1', 10, T0, minutes(10));
      expect(claimed.map((row) => row.dedupKey)).toEqual(['a', 'b']);
      expect(claimed[0]).toMatchObject({ status: 'sending', attempts: 1, claimedBy: 'w1', claimExpiresAt: at(minutes(10)) });
      expect(await store().outbox.claim('w2', 10, T0, 30_000)).toEqual([]);
      expect((await store().outbox.claim('w2', 1, at(minutes(5)), 30_000)).map((row) => row.dedupKey)).toEqual(['later']);
    });

    it('lets another worker take over an expired claim', async () => {
      await store().outbox.enqueue([entry('a')], T0);
      await store().outbox.claim('crashed', 1, T0, 30_000);
      expect(await store().outbox.claim('w2', 1, at(29_999), 30_000)).toEqual([]);
      const [row] = await store().outbox.claim('w2', 1, at(30_000), 30_000);
      expect(row).toMatchObject({ dedupKey: 'a', claimedBy: 'w2', attempts: 2 });
    });

    it('records sent, retry and dead outcomes', async () => {
      await store().outbox.enqueue([entry('a'), entry('b'), entry('c')], T0);
      const [a, b, c] = await store().outbox.claim('w1', 3, T0, 30_000);
      await store().outbox.markSent(a!.id, at(1000), 'ts-1');
      await store().outbox.markRetry(b!.id, at(minutes(2)), 'rate_limited');
      await store().outbox.markDead(c!.id, 'channel_not_found');
      expect(await store().outbox.get(a!.id)).toMatchObject({ status: 'sent', sentAt: at(1000), messageRef: 'ts-1', claimedBy: null, claimExpiresAt: null });
      expect(await store().outbox.get(b!.id)).toMatchObject({ status: 'failed', nextAttemptAt: at(minutes(2)), lastError: 'rate_limited', claimedBy: null });
      expect(await store().outbox.get(c!.id)).toMatchObject({ status: 'dead', lastError: 'channel_not_found' });
      expect(await store().outbox.claim('w1', 3, at(minutes(1)), 30_000)).toEqual([]);
      expect((await store().outbox.claim('w1', 3, at(minutes(2)), 30_000)).map((row) => row.id)).toEqual([b!.id]);
      expect((await store().outbox.list({ status: 'dead' })).map((row) => row.dedupKey)).toEqual(['c']);
      expect(await store().outbox.get(999_999)).toBeNull();
    });

    it('counts failed sends in failures: markFailed adds one, markRetry (paced, parked, 429) never does', async () => {
      await store().outbox.enqueue([entry('a'), entry('b')], T0);
      const [a, b] = await store().outbox.claim('w1', 2, T0, 30_000);
      await store().outbox.markFailed(a!.id, 'slack/http-503', at(minutes(1)));
      await store().outbox.markRetry(b!.id, at(minutes(1)), 'rate_limited: retry after 60 s');
      expect(await store().outbox.get(a!.id)).toMatchObject({ status: 'failed', failures: 1, attempts: 1, lastError: 'slack/http-503', nextAttemptAt: at(minutes(1)), claimedBy: null });
      expect(await store().outbox.get(b!.id)).toMatchObject({ status: 'failed', failures: 0, attempts: 1 });
      const [again] = await store().outbox.claim('w1', 1, at(minutes(1)), 30_000);
      expect(again).toMatchObject({ id: a!.id, failures: 1, attempts: 2 });
      await store().outbox.markFailed(a!.id, 'slack/http-502', null);
      expect(await store().outbox.get(a!.id)).toMatchObject({ status: 'dead', failures: 2, lastError: 'slack/http-502', claimedBy: null });
    });

    it('knows whether a story\'s lead item is still queued in a destination', async () => {
      await store().outbox.enqueue([
        entry('lead', { storyId: 7 }), entry('reply', { storyId: 7, kind: 'story_update' }), entry('other-story', { storyId: 8, destination: slack('C2') }),
      ], T0);
      expect(await store().outbox.storyLeadQueued(slack('C1'), 7)).toBe(true);
      expect(await store().outbox.storyLeadQueued(slack('C2'), 7)).toBe(false);
      const rows = await store().outbox.claim('w', 10, T0, 1000);
      const lead = rows.find((row) => row.dedupKey === 'lead')!;
      expect(await store().outbox.storyLeadQueued(slack('C1'), 7)).toBe(true);
      await store().outbox.markSent(lead.id, at(1000), 'ts-lead');
      expect(await store().outbox.storyLeadQueued(slack('C1'), 7)).toBe(false);
    });

    it('defers one destination and counts its sent rows', async () => {
      await store().outbox.enqueue([entry('a'), entry('b'), entry('other', { destination: slack('C2') })], T0);
      expect(await store().outbox.deferDestination(slack('C1'), at(minutes(1)))).toBe(2);
      expect((await store().outbox.claim('w', 10, T0, minutes(10))).map((row) => row.dedupKey)).toEqual(['other']);
      const rows = await store().outbox.claim('w', 10, at(minutes(1)), 1000);
      expect(rows.map((row) => row.dedupKey)).toEqual(['a', 'b']);
      await store().outbox.markSent(rows[0]!.id, at(minutes(1)), null);
      await store().outbox.markSent(rows[1]!.id, at(minutes(3)), null);
      expect(await store().outbox.countSentSince(slack('C1'), at(minutes(1)))).toBe(2);
      expect(await store().outbox.countSentSince(slack('C1'), at(minutes(2)))).toBe(1);
      expect(await store().outbox.countSentSince(slack('C2'), T0)).toBe(0);
      expect((await store().outbox.list({ destination: slack('C2') })).map((row) => row.dedupKey)).toEqual(['other']);
    });

    it('counts sent rows of several destinations in one call, matching countSentSince', async () => {
      const teams = { platform: 'teams' as const, workspaceId: 'T1', channelId: 'C1' };
      await store().outbox.enqueue([
        entry('a'), entry('b'), entry('c', { destination: slack('C2') }), entry('d', { destination: teams }), entry('e', { destination: slack('C3') }),
      ], T0);
      const rows = await store().outbox.claim('w', 10, T0, minutes(10));
      const byKey = new Map(rows.map((row) => [row.dedupKey, row.id]));
      await store().outbox.markSent(byKey.get('a')!, at(minutes(1)), null);
      await store().outbox.markSent(byKey.get('b')!, at(minutes(3)), null);
      await store().outbox.markSent(byKey.get('c')!, at(minutes(3)), null);
      await store().outbox.markSent(byKey.get('d')!, at(minutes(3)), null);
      await store().outbox.markDead(byKey.get('e')!, 'gone');
      const asked = [slack('C1'), slack('C2'), slack('C3'), teams, slack('C1'), slack('C9')];
      const counts = await store().outbox.countSentSinceMany(asked, at(minutes(2)));
      expect(Object.fromEntries(counts)).toEqual({ 'slack:T1:C1': 1, 'slack:T1:C2': 1, 'teams:T1:C1': 1 });
      for (const destination of asked) {
        expect(counts.get(`${destination.platform}:${destination.workspaceId}:${destination.channelId}`) ?? 0)
          .toBe(await store().outbox.countSentSince(destination, at(minutes(2))));
      }
      expect(await store().outbox.countSentSinceMany([], T0)).toEqual(new Map());
      // More destinations than one statement takes: every part is read.
      const many = Array.from({ length: 450 }, (_, n) => slack(`X${n}`));
      expect((await store().outbox.countSentSinceMany([...many, slack('C1')], T0)).get('slack:T1:C1')).toBe(2);
    });

    it('finds the first sent message of a story in a destination', async () => {
      await store().outbox.enqueue([
        entry('first', { storyId: 7 }), entry('update', { storyId: 7, kind: 'story_update' }), entry('elsewhere', { storyId: 7, destination: slack('C2') }),
      ], T0);
      expect(await store().outbox.storyMessageRef(slack('C1'), 7)).toBeNull();
      const rows = await store().outbox.claim('w', 10, T0, 1000);
      const byKey = new Map(rows.map((row) => [row.dedupKey, row]));
      await store().outbox.markSent(byKey.get('first')!.id, at(1000), 'ts-first');
      await store().outbox.markSent(byKey.get('update')!.id, at(2000), 'ts-update');
      await store().outbox.markSent(byKey.get('elsewhere')!.id, at(500), 'ts-c2');
      expect(await store().outbox.storyMessageRef(slack('C1'), 7)).toBe('ts-first');
      expect(await store().outbox.storyMessageRef(slack('C2'), 7)).toBe('ts-c2');
      expect(await store().outbox.storyMessageRef(slack('C1'), 8)).toBeNull();
    });
  });
}
