import { describe, expect, it } from 'vitest';
import type { StoreFactory } from '../store-behaviour.js';
import { at, minutes, slack, T0, WEEKLY } from '../fixtures.js';
import { useStore } from './use-store.js';

/** Subscriptions: topics, digest schedule, pause reason, admin flag. */
export function registerSubscriptionBehaviour(factory: StoreFactory): void {
  describe('subscriptions', () => {
    const store = useStore(factory);

    it('creates with defaults, then adds topics without duplicates', async () => {
      const created = await store().subscriptions.subscribe(slack('C1'), ['ai', 'ai'], WEEKLY, T0);
      expect(created).toEqual({
        destination: slack('C1'), topics: ['ai'], digest: WEEKLY, status: 'active', pausedReason: null,
        lastDigestAt: null, createdAt: T0, isAdmin: false, quiet: null, regionFilter: { regions: [], strict: false },
      });
      const more = await store().subscriptions.subscribe(slack('C1'), ['gdpr', 'ai'], { ...WEEKLY, weekday: 5 }, at(minutes(1)));
      expect(more.topics).toEqual(['ai', 'gdpr']);
      expect(more.digest.weekday).toBe(1);
      expect(more.createdAt).toEqual(T0);
    });

    it('reads the subscriptions of several destinations at once, as get gives them', async () => {
      const teams = { platform: 'teams' as const, workspaceId: 'T1', channelId: 'C1' };
      await store().subscriptions.subscribe(slack('C1'), ['ai'], WEEKLY, T0);
      await store().subscriptions.subscribe(slack('C2'), ['gdpr'], WEEKLY, T0);
      await store().subscriptions.subscribe(teams, ['breach'], WEEKLY, T0);
      await store().subscriptions.pause(slack('C2'), 'channel_not_found');
      const many = Array.from({ length: 450 }, (_, n) => slack(`X${n}`));
      const found = await store().subscriptions.getMany([slack('C1'), slack('C2'), slack('C9'), teams, ...many, slack('C1')]);
      expect([...found.keys()].sort()).toEqual(['slack:T1:C1', 'slack:T1:C2', 'teams:T1:C1']);
      expect(found.get('slack:T1:C1')).toEqual(await store().subscriptions.get(slack('C1')));
      expect(found.get('slack:T1:C2')).toEqual(await store().subscriptions.get(slack('C2')));
      expect(found.get('slack:T1:C2')?.status).toBe('paused');
      expect(found.get('teams:T1:C1')).toEqual(await store().subscriptions.get(teams));
      expect(await store().subscriptions.getMany([])).toEqual(new Map());
    });

    it('unsubscribes some topics, and removes the subscription with all or the last topic', async () => {
      await store().subscriptions.subscribe(slack('C1'), ['ai', 'gdpr', 'breach'], WEEKLY, T0);
      expect((await store().subscriptions.unsubscribe(slack('C1'), ['gdpr']))?.topics).toEqual(['ai', 'breach']);
      expect(await store().subscriptions.unsubscribe(slack('C1'), ['ai', 'breach'])).toBeNull();
      expect(await store().subscriptions.get(slack('C1'))).toBeNull();
      await store().subscriptions.subscribe(slack('C2'), ['ai'], WEEKLY, T0);
      expect(await store().subscriptions.unsubscribe(slack('C2'), 'all')).toBeNull();
      expect(await store().subscriptions.unsubscribe(slack('C9'), 'all')).toBeNull();
    });

    it('matches active subscriptions sharing a topic; pause and resume', async () => {
      await store().subscriptions.subscribe(slack('C1'), ['ai'], WEEKLY, T0);
      await store().subscriptions.subscribe(slack('C2'), ['gdpr', 'ai'], WEEKLY, T0);
      await store().subscriptions.subscribe(slack('C3'), ['breach'], WEEKLY, T0);
      expect((await store().subscriptions.matching(['ai', 'lawsuit'])).map((s) => s.destination.channelId)).toEqual(['C1', 'C2']);
      await store().subscriptions.pause(slack('C1'), 'channel_not_found');
      expect(await store().subscriptions.get(slack('C1'))).toMatchObject({ status: 'paused', pausedReason: 'channel_not_found' });
      expect((await store().subscriptions.matching(['ai'])).map((s) => s.destination.channelId)).toEqual(['C2']);
      await store().subscriptions.resume(slack('C1'));
      expect(await store().subscriptions.get(slack('C1'))).toMatchObject({ status: 'active', pausedReason: null });
    });

    it('stores digest schedule, last digest time and the admin flag; lists by workspace', async () => {
      await store().subscriptions.subscribe(slack('C1'), ['ai'], WEEKLY, T0);
      await store().subscriptions.subscribe(slack('C2', 'T2'), ['ai'], WEEKLY, T0);
      const schedule = { enabled: false, weekday: 3, time: '17:30', timeZone: 'America/New_York' };
      await store().subscriptions.setDigest(slack('C1'), schedule);
      await store().subscriptions.markDigestSent(slack('C1'), at(minutes(3)));
      await store().subscriptions.setAdmin(slack('C1'), true);
      expect(await store().subscriptions.get(slack('C1'))).toMatchObject({ digest: schedule, lastDigestAt: at(minutes(3)), isAdmin: true });
      expect((await store().subscriptions.list({ workspaceId: 'T2' })).map((s) => s.destination.channelId)).toEqual(['C2']);
      expect(await store().subscriptions.list({ platform: 'teams' })).toEqual([]);
      expect(await store().subscriptions.list()).toHaveLength(2);
    });
  });
}
