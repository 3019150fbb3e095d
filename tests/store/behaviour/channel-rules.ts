import { describe, expect, it } from 'vitest';
import type { StoreFactory } from '../store-behaviour.js';
import { at, makeItem, minutes, slack, T0, WEEKLY } from '../fixtures.js';
import { useStore } from './use-store.js';

/** Watches, mutes and quiet hours: per-channel limits, active-only reads, removal with the channel. */
export function registerChannelRuleBehaviour(factory: StoreFactory): void {
  describe('watches, mutes and quiet hours', () => {
    const store = useStore(factory);

    it('adds watches once, up to the limit, lists them in order and removes one or all', async () => {
      const watches = store().watches;
      expect(await watches.add(slack('C1'), 'clearview', T0, 2)).toBe('added');
      expect(await watches.add(slack('C1'), 'clearview', at(minutes(1)), 2)).toBe('exists');
      expect(await watches.add(slack('C1'), '"facial recognition" -police', at(minutes(2)), 2)).toBe('added');
      expect(await watches.add(slack('C1'), 'meta', at(minutes(3)), 2)).toBe('limit');
      expect(await watches.add(slack('C2'), 'meta', T0, 2)).toBe('added');
      expect(await watches.list(slack('C1'))).toEqual(['clearview', '"facial recognition" -police']);
      expect(await watches.remove(slack('C1'), 'nope')).toBe(0);
      expect(await watches.remove(slack('C1'), 'clearview')).toBe(1);
      expect(await watches.list(slack('C1'))).toEqual(['"facial recognition" -police']);
      expect(await watches.remove(slack('C1'), 'all')).toBe(1);
      expect(await watches.list(slack('C1'))).toEqual([]);
      expect(await watches.list(slack('C2'))).toEqual(['meta']);
    });

    it('adds source and query mutes, up to the limit, and removes them', async () => {
      const mutes = store().mutes;
      expect(await mutes.add(slack('C1'), { kind: 'source', feedId: 'bbc-technology' }, T0, 2)).toBe('added');
      expect(await mutes.add(slack('C1'), { kind: 'query', query: 'bbc-technology' }, at(minutes(1)), 2)).toBe('added');
      expect(await mutes.add(slack('C1'), { kind: 'source', feedId: 'bbc-technology' }, at(minutes(2)), 2)).toBe('exists');
      expect(await mutes.add(slack('C1'), { kind: 'source', feedId: 'reuters' }, at(minutes(3)), 2)).toBe('limit');
      expect(await mutes.list(slack('C1'))).toEqual([{ kind: 'source', feedId: 'bbc-technology' }, { kind: 'query', query: 'bbc-technology' }]);
      expect(await mutes.remove(slack('C1'), { kind: 'source', feedId: 'bbc-technology' })).toBe(1);
      expect(await mutes.list(slack('C1'))).toEqual([{ kind: 'query', query: 'bbc-technology' }]);
      expect(await mutes.remove(slack('C1'), 'all')).toBe(1);
      expect(await mutes.list(slack('C1'))).toEqual([]);
    });

    it('reads only the rules of active subscriptions for routing', async () => {
      await store().subscriptions.subscribe(slack('C1'), ['ai'], WEEKLY, T0);
      await store().subscriptions.subscribe(slack('C2'), ['ai'], WEEKLY, T0);
      await store().subscriptions.pause(slack('C2'), 'removed from channel');
      for (const channel of ['C1', 'C2', 'C3']) {
        await store().watches.add(slack(channel), 'clearview', T0, 20);
        await store().mutes.add(slack(channel), { kind: 'source', feedId: 'bbc' }, T0, 20);
      }
      expect(await store().watches.active()).toEqual([{ destination: slack('C1'), query: 'clearview' }]);
      expect(await store().mutes.active()).toEqual([{ destination: slack('C1'), mute: { kind: 'source', feedId: 'bbc' } }]);
    });

    it('keeps a channel with watches when its last topic goes; `all` removes watches and mutes too', async () => {
      await store().subscriptions.subscribe(slack('C1'), ['ai'], WEEKLY, T0);
      await store().watches.add(slack('C1'), 'clearview', T0, 20);
      await store().mutes.add(slack('C1'), { kind: 'query', query: 'crypto' }, T0, 20);
      expect(await store().subscriptions.unsubscribe(slack('C1'), ['ai'])).toMatchObject({ topics: [] });
      expect(await store().watches.list(slack('C1'))).toEqual(['clearview']);
      expect(await store().subscriptions.unsubscribe(slack('C1'), 'all')).toBeNull();
      expect(await store().subscriptions.get(slack('C1'))).toBeNull();
      expect(await store().watches.list(slack('C1'))).toEqual([]);
      expect(await store().mutes.list(slack('C1'))).toEqual([]);
    });

    it('sets and clears quiet hours on the subscription', async () => {
      await store().subscriptions.subscribe(slack('C1'), ['ai'], WEEKLY, T0);
      expect((await store().subscriptions.get(slack('C1')))?.quiet).toBeNull();
      const quiet = { start: '22:00', end: '07:00', weekends: true, timeZone: 'Europe/Berlin' };
      await store().subscriptions.setQuiet(slack('C1'), quiet);
      expect((await store().subscriptions.get(slack('C1')))?.quiet).toEqual(quiet);
      expect((await store().subscriptions.list())[0]?.quiet).toEqual(quiet);
      await store().subscriptions.setQuiet(slack('C1'), null);
      expect((await store().subscriptions.get(slack('C1')))?.quiet).toBeNull();
    });

    it('purges watches and mutes with their workspace or destination, nobody else\'s', async () => {
      for (const [channel, workspace] of [['C1', 'T1'], ['C2', 'T1'], ['C3', 'T2']] as const) {
        await store().subscriptions.subscribe(slack(channel, workspace), ['ai'], WEEKLY, T0);
        await store().watches.add(slack(channel, workspace), 'clearview', T0, 20);
        await store().mutes.add(slack(channel, workspace), { kind: 'source', feedId: 'bbc' }, T0, 20);
      }
      await store().installations.purgeDestination(slack('C2', 'T1'));
      expect(await store().watches.list(slack('C2', 'T1'))).toEqual([]);
      expect(await store().watches.list(slack('C1', 'T1'))).toEqual(['clearview']);
      await store().installations.purgeWorkspace('slack', 'T1');
      expect((await store().watches.active()).map((w) => w.destination)).toEqual([slack('C3', 'T2')]);
      expect((await store().mutes.active()).map((m) => m.destination)).toEqual([slack('C3', 'T2')]);
    });

    it('keeps workspace-owned sources to their workspace and purges them with their items', async () => {
      await store().feeds.syncConfig([{ id: 'operator', url: 'https://operator.example/feed' }]);
      expect(await store().feeds.addOwned({ id: 'mine', url: 'https://mine.example/feed', name: 'Mine' }, { platform: 'slack', workspaceId: 'T1' }, T0)).toBe(true);
      expect(await store().feeds.addOwned({ id: 'mine', url: 'https://other.example/feed' }, { platform: 'slack', workspaceId: 'T2' }, T0)).toBe(false);
      await store().feeds.addOwned({ id: 'theirs', url: 'https://theirs.example/feed' }, { platform: 'slack', workspaceId: 'T2' }, T0);
      // feeds.json syncs never touch sources added from chat; all are listed and polled.
      await store().feeds.syncConfig([{ id: 'operator', url: 'https://operator.example/feed' }]);
      expect((await store().feeds.list()).map((feed) => [feed.id, feed.owner?.workspaceId ?? null])).toEqual([['mine', 'T1'], ['operator', null], ['theirs', 'T2']]);
      expect((await store().feeds.due(T0)).map((feed) => feed.id)).toEqual(['mine', 'operator', 'theirs']);
      for (const feed of ['operator', 'mine', 'theirs']) {
        await store().items.insertNew(feed, [makeItem(`${feed}-1`, { title: `Privacy news from ${feed}` })], T0);
      }
      const T1 = { platform: 'slack' as const, workspaceId: 'T1' };
      const seen = async (workspace?: typeof T1) => ({
        latest: (await store().items.latest({ limit: 10, ...(workspace ? { workspace } : {}) })).map((item) => item.feedId).sort(),
        topic: (await store().items.latest({ topic: 'ai', limit: 10, ...(workspace ? { workspace } : {}) })).map((item) => item.feedId).sort(),
        search: (await store().items.search({ words: 'privacy news', limit: 10, ...(workspace ? { workspace } : {}) })).map((item) => item.feedId).sort(),
        between: (await store().items.between(T0, at(minutes(1)), undefined, workspace ? { workspace } : {})).map((item) => item.feedId).sort(),
      });
      expect(await seen(T1)).toEqual({ latest: ['mine', 'operator'], topic: ['mine', 'operator'], search: ['mine', 'operator'], between: ['mine', 'operator'] });
      expect(await seen()).toEqual({ latest: ['operator'], topic: ['operator'], search: ['operator'], between: ['operator'] });
      expect(await store().feeds.removeOwned('theirs', T1)).toBe(false);
      await store().installations.purgeWorkspace('slack', 'T1');
      expect((await store().feeds.list()).map((feed) => feed.id)).toEqual(['operator', 'theirs']);
      expect(await store().items.count()).toBe(2);
      expect(await store().items.search({ words: 'mine', limit: 10, workspace: T1 })).toEqual([]);
      expect(await store().feeds.removeOwned('theirs', { platform: 'slack', workspaceId: 'T2' })).toBe(true);
      expect((await store().feeds.list()).map((feed) => feed.id)).toEqual(['operator']);
      expect(await store().items.count()).toBe(1);
    });
  });
}
