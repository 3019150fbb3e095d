import { describe, expect, it } from 'vitest';
import { insertItems, taggedItem } from '../delivery/store-harness.js';
import { readable, useCommandHarness, type CommandHarness as Harness } from './command-harness.js';

describe('subscribe, unsubscribe, subscriptions', () => {
  let h: Harness;
  useCommandHarness((harness) => {
    h = harness;
  });

  it('subscribes, confirms and previews the three newest matching items', async () => {
    const items = Array.from({ length: 5 }, (_, i) => taggedItem({ title: `Item ${i}`, topics: i % 2 ? ['lawsuit'] : ['ai'] }));
    await insertItems(h.store, 'reuters', items, h.clock.now());
    const reply = await h.run('subscribe ai, lawsuit');
    expect(reply).toMatchObject({ title: 'Subscribed to ai, lawsuit', visibility: 'private' });
    expect(reply.sections?.[0]?.heading).toBe('Newest matching items');
    expect(reply.sections?.[0]?.items.map((item) => item.title)).toEqual(['Item 4', 'Item 3', 'Item 2']);
    expect(readable(reply)).toContain('Weekly digest: Mondays at 09:00 (UTC).');
    expect(await h.store.subscriptions.get(h.channel)).toMatchObject({ topics: ['ai', 'lawsuit'], status: 'active' });
    const again = await h.run('subscribe US state privacy law');
    expect(readable(again)).toContain('This channel follows: AI & automated decisions, Litigation & court rulings, US state privacy law.');
    expect(readable(again)).toContain('No stored items on these topics yet.');
  });

  it('refuses politely without permission and changes nothing', async () => {
    for (const text of ['subscribe ai', 'unsubscribe all', 'digest off', 'digest now', 'digest weekly mon 09:00']) {
      await h.store.subscriptions.subscribe(h.channel, ['gdpr'], { enabled: true, weekday: 1, time: '09:00', timeZone: 'UTC' }, h.clock.now());
      const reply = await h.run(text, { canManage: false });
      expect(reply.text).toMatch(/^Sorry, only workspace admins can /);
      expect(await h.store.subscriptions.get(h.channel)).toMatchObject({ topics: ['gdpr'], digest: { enabled: true } });
    }
  });

  it('suggests instead of guessing on near misses, and rejects unknown topics', async () => {
    const reply = await h.run('subscribe ai gpdr');
    expect(reply.text).toBe('"gpdr" is not a topic: did you mean `gdpr`? Example: `subscribe ai gdpr`');
    expect(await h.store.subscriptions.get(h.channel)).toBeNull();
    expect((await h.run('subscribe weather')).text).toBe('"weather" is not a topic: `topics` lists them all. Example: `subscribe ai`');
  });

  it('bare `subscribe` in a channel without a subscription offers the settings form; with one it asks for topics', async () => {
    const form = await h.run('subscribe');
    expect(form.form).toMatchObject({ selected: [], subscribed: false, digest: { enabled: true } });
    expect(form.form?.topics.map((topic) => topic.id)).toContain('gdpr');
    expect(form.text).toContain('Pick topics for this channel in the form, or type `subscribe ai gdpr`.');
    expect(await h.store.subscriptions.get(h.channel)).toBeNull();
    await h.run('subscribe ai');
    const again = await h.run('subscribe');
    expect(again.text).toBe('Name at least one topic. Example: `subscribe ai gdpr`');
    expect(again.form).toBeUndefined();
  });

  it('unsubscribes topics or everything', async () => {
    expect((await h.run('unsubscribe ai')).text).toBe('This channel has no subscriptions, so there is nothing to remove.');
    await h.run('subscribe ai gdpr lawsuit');
    expect((await h.run('unsubscribe gdpr children')).lines).toEqual([
      'Unsubscribed from `gdpr`.',
      '(Not followed anyway: children.)',
      'Still following: ai, lawsuit.',
    ]);
    expect((await h.run('unsubscribe breach')).text).toBe('This channel does not follow `breach`. It follows: ai, lawsuit.');
    expect((await h.run('unsubscribe lawsiut')).text).toContain('"lawsiut" is not a topic: did you mean `lawsuit`?');
    expect((await h.run('unsubscribe all')).text).toBe('Unsubscribed from everything: this channel gets no more posts or digests.');
    expect(await h.store.subscriptions.get(h.channel)).toBeNull();
  });

  it('shows the subscription, and a paused channel carries a notice on every reply', async () => {
    expect((await h.run('subscriptions')).text).toBe('This channel has no subscriptions. Example: `subscribe ai gdpr`');
    await h.run('subscribe ai');
    expect((await h.run('subscriptions')).fields).toEqual([
      { label: 'Topics', value: 'AI & automated decisions (ai)' },
      { label: 'Deliveries', value: 'active' },
      { label: 'Weekly digest', value: 'Mondays at 09:00 (UTC)' },
      { label: 'Regions', value: 'all regions' },
    ]);
    await h.store.subscriptions.pause(h.channel, 'not_in_channel');
    const status = await h.run('subscriptions');
    expect(status.fields?.[1]).toEqual({ label: 'Deliveries', value: 'paused (not_in_channel)' });
    for (const text of ['subscriptions', 'topics', 'latest', 'nonsense']) {
      const reply = await h.run(text);
      expect(reply.lines?.[0]).toBe('⚠️ Deliveries to this channel are paused: I am not a member of this channel. Invite me with `/invite @Privacy Radar`, then run `subscribe` to resume.');
      expect(reply.text.startsWith('⚠️ Deliveries to this channel are paused')).toBe(true);
    }
    // Other channels are not affected.
    expect((await h.run('topics', { destination: { platform: 'slack', workspaceId: 'T1', channelId: 'C2' } })).lines?.[0]).not.toContain('paused');
    // A bare `subscribe` resumes, and the notice disappears at once.
    const resumed = await h.run('subscribe');
    expect(resumed.text).toBe('Deliveries to this channel are resumed. It follows: ai.');
    expect(await h.store.subscriptions.get(h.channel)).toMatchObject({ status: 'active', pausedReason: null });
  });

  it('explains archived channels and revoked workspaces in the notice', async () => {
    await h.run('subscribe ai');
    await h.store.subscriptions.pause(h.channel, 'is_archived');
    expect((await h.run('help')).lines?.[0]).toContain('this channel is archived');
    await h.store.subscriptions.pause(h.channel, 'teams/forbidden: the bot is no longer in this conversation');
    expect((await h.run('help')).lines?.[0]).toContain('I can no longer post in this conversation. Add me to it again');
    await h.store.subscriptions.pause(h.channel, 'auth_revoked: token_revoked');
    expect((await h.run('help')).lines?.[0]).toContain('the app lost its access to this workspace. Reinstall it to resume.');
  });
});
