import { describe, expect, it } from 'vitest';
import type { StoreFactory } from '../store-behaviour.js';
import { at, makeItem, minutes, slack, T0, WEEKLY } from '../fixtures.js';
import { useStore } from './use-store.js';

/** "Not relevant" feedback: one row per (item, topic, channel), no user; purged with the workspace. */
export function registerFeedbackBehaviour(factory: StoreFactory): void {
  describe('feedback', () => {
    const store = useStore(factory);

    it('counts each (item, topic, channel) once, per topic, most first', async () => {
      const [a, b] = await store().items.insertNew('f1', [makeItem('a', { topics: ['ai', 'gdpr'] }), makeItem('b')], T0);
      expect(await store().feedback.recordNotRelevant(slack('C1'), a!.id, ['ai', 'gdpr', 'ai'], T0)).toBe(2);
      expect(await store().feedback.recordNotRelevant(slack('C1'), a!.id, ['ai'], at(minutes(1)))).toBe(0); // repeat click
      expect(await store().feedback.recordNotRelevant(slack('C2'), a!.id, ['ai'], at(minutes(2)))).toBe(1);
      expect(await store().feedback.recordNotRelevant(slack('C1'), b!.id, ['ai'], at(minutes(3)))).toBe(1);
      expect(await store().feedback.countsByTopic()).toEqual([{ topic: 'ai', count: 3 }, { topic: 'gdpr', count: 1 }]);
      expect(await store().feedback.byItem(10)).toEqual([
        { itemId: b!.id, topic: 'ai', channels: 1, lastAt: at(minutes(3)) },
        { itemId: a!.id, topic: 'ai', channels: 2, lastAt: at(minutes(2)) },
        { itemId: a!.id, topic: 'gdpr', channels: 1, lastAt: T0 },
      ]);
      expect(await store().feedback.byItem(1)).toHaveLength(1);
    });

    it('is deleted with its workspace and with its channel', async () => {
      const [a] = await store().items.insertNew('f1', [makeItem('a')], T0);
      await store().subscriptions.subscribe(slack('C1'), ['ai'], WEEKLY, T0);
      await store().feedback.recordNotRelevant(slack('C1'), a!.id, ['ai'], T0);
      await store().feedback.recordNotRelevant(slack('C2'), a!.id, ['ai'], T0);
      await store().feedback.recordNotRelevant(slack('C3', 'T2'), a!.id, ['ai'], T0);
      await store().installations.purgeDestination(slack('C2'));
      expect(await store().feedback.countsByTopic()).toEqual([{ topic: 'ai', count: 2 }]);
      await store().installations.purgeWorkspace('slack', 'T1');
      expect(await store().feedback.byItem(10)).toEqual([{ itemId: a!.id, topic: 'ai', channels: 1, lastAt: T0 }]);
    });
  });
}
