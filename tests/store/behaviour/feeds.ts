import { describe, expect, it } from 'vitest';
import type { StoreFactory } from '../store-behaviour.js';
import { at, minutes, T0 } from '../fixtures.js';
import { useStore } from './use-store.js';

/** Feeds: config sync keeps state, state patches, due selection. */
export function registerFeedBehaviour(factory: StoreFactory): void {
  describe('feeds', () => {
    const store = useStore(factory);

    it('migrate is idempotent and ping answers', async () => {
      await store().migrate();
      expect(await store().ping()).toBe(true);
    });

    it('syncs config, starts new feeds in state "new" and keeps state across syncs', async () => {
      await store().feeds.syncConfig([{ id: 'b', url: 'https://b.example/feed', name: 'B News', topics: ['gdpr'], interval: 30 }, { id: 'a', url: 'https://a.example/rss' }]);
      const [a, b] = await store().feeds.list();
      expect(a).toMatchObject({ id: 'a', url: 'https://a.example/rss', enabled: true, topics: [] });
      expect(a?.name).toBeUndefined();
      expect(a?.state).toMatchObject({ health: 'new', initialized: false, consecutiveFailures: 0, etag: null, nextCheckAt: null });
      expect(b).toMatchObject({ id: 'b', name: 'B News', topics: ['gdpr'], interval: 30 });

      await store().feeds.updateState('a', { etag: '"v1"', health: 'ok', initialized: true, lastSuccessAt: T0 });
      await store().feeds.syncConfig([{ id: 'a', url: 'https://a.example/rss2', name: 'A' }]);
      const list = await store().feeds.list();
      expect(list.map((feed) => feed.id)).toEqual(['a']);
      expect(list[0]).toMatchObject({ url: 'https://a.example/rss2', name: 'A' });
      expect(list[0]?.state).toMatchObject({ etag: '"v1"', health: 'ok', initialized: true });
      expect(list[0]?.state.lastSuccessAt?.toISOString()).toBe(T0.toISOString());
      expect(await store().feeds.get('b')).not.toBeNull();
      expect(await store().feeds.get('nope')).toBeNull();
    });

    it('merges state patches and round-trips errors and dates', async () => {
      await store().feeds.syncConfig([{ id: 'a', url: 'https://a.example/rss' }]);
      await store().feeds.updateState('a', { lastError: { kind: 'timeout', message: 'took too long' }, lastErrorAt: T0, consecutiveFailures: 2 });
      await store().feeds.updateState('a', { health: 'failing' });
      const state = (await store().feeds.get('a'))?.state;
      expect(state?.lastError).toEqual({ kind: 'timeout', message: 'took too long' });
      expect(state?.lastErrorAt).toEqual(T0);
      expect(state?.consecutiveFailures).toBe(2);
      expect(state?.health).toBe('failing');
      await store().feeds.updateState('missing', { health: 'ok' });
    });

    it('lists due feeds: never checked or next check reached, enabled only', async () => {
      await store().feeds.syncConfig([
        { id: 'never', url: 'https://1.example/' },
        { id: 'later', url: 'https://2.example/' },
        { id: 'now', url: 'https://3.example/' },
        { id: 'off', url: 'https://4.example/', enabled: false },
      ]);
      await store().feeds.updateState('later', { nextCheckAt: at(minutes(10)) });
      await store().feeds.updateState('now', { nextCheckAt: at(-minutes(1)) });
      expect((await store().feeds.due(T0)).map((feed) => feed.id)).toEqual(['never', 'now']);
      expect((await store().feeds.due(at(minutes(10)))).map((feed) => feed.id)).toEqual(['never', 'now', 'later']);
    });
  });
}
