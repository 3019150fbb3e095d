import { describe, expect, it } from 'vitest';
import type { StoreFactory } from '../store-behaviour.js';
import { at, minutes, slack, T0, WEEKLY } from '../fixtures.js';
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
  });
}
