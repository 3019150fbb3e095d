import { describe, expect, it } from 'vitest';
import type { StoreFactory } from '../store-behaviour.js';
import { slack, T0, WEEKLY } from '../fixtures.js';
import { useStore } from './use-store.js';

/** Installations and purging a workspace or one destination. */
export function registerInstallationBehaviour(factory: StoreFactory): void {
  describe('installations and purge', () => {
    const store = useStore(factory);

    it('saves, replaces, reads and deletes payloads', async () => {
      await store().installations.save('slack', 'T1', 'T1', { botToken: 'xoxb-1', scopes: ['commands'] }, T0);
      await store().installations.save('slack', 'T1', 'T1', { botToken: 'xoxb-2' }, T0);
      expect(await store().installations.get('slack', 'T1')).toEqual({ botToken: 'xoxb-2' });
      expect(await store().installations.get('teams', 'T1')).toBeNull();
      await store().installations.delete('slack', 'T1');
      expect(await store().installations.get('slack', 'T1')).toBeNull();
    });

    it('purges a workspace: installations, subscriptions and outbox rows, nothing else', async () => {
      await store().installations.save('slack', 'T1', 'T1', { botToken: 'x' }, T0);
      await store().installations.save('slack', 'T2', 'T2', { botToken: 'y' }, T0);
      await store().subscriptions.subscribe(slack('C1'), ['ai'], WEEKLY, T0);
      await store().subscriptions.subscribe(slack('C2', 'T2'), ['ai'], WEEKLY, T0);
      await store().outbox.enqueue([
        { dedupKey: 'k1', destination: slack('C1'), kind: 'item', payload: { itemId: 1 } },
        { dedupKey: 'k2', destination: slack('C2', 'T2'), kind: 'item', payload: { itemId: 1 } },
      ], T0);
      await store().installations.purgeWorkspace('slack', 'T1');
      expect(await store().installations.get('slack', 'T1')).toBeNull();
      expect(await store().subscriptions.list()).toHaveLength(1);
      expect((await store().outbox.list()).map((row) => row.dedupKey)).toEqual(['k2']);
      expect(await store().installations.get('slack', 'T2')).toEqual({ botToken: 'y' });
    });

    it('purges one destination and its conversation reference', async () => {
      const chat = { platform: 'teams' as const, workspaceId: 'tenant', channelId: '19:abc' };
      await store().installations.save('teams', '19:abc', 'tenant', { serviceUrl: 'https://smba.example' }, T0);
      await store().subscriptions.subscribe(chat, ['ai'], WEEKLY, T0);
      await store().subscriptions.subscribe({ ...chat, channelId: '19:other' }, ['ai'], WEEKLY, T0);
      await store().outbox.enqueue([{ dedupKey: 'k1', destination: chat, kind: 'item', payload: null }], T0);
      await store().installations.purgeDestination(chat);
      expect(await store().installations.get('teams', '19:abc')).toBeNull();
      expect((await store().subscriptions.list()).map((s) => s.destination.channelId)).toEqual(['19:other']);
      expect(await store().outbox.list()).toEqual([]);
    });
  });
}
