/**
 * Slack interactivity end to end: signed requests from "Slack" over real HTTP to the real adapter,
 * the real command core and action handler on an in-memory SQLite store, and the fake Web API
 * recording views.open / views.publish / chat.postEphemeral.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Destination } from '../../src/index.js';
import { makeItem } from '../store/fixtures.js';
import { routeNewItems } from '../../src/delivery/route-items.js';
import { blockKitProblems } from './block-kit-limits.js';
import { startSlackHarness, type SlackHarness } from './slack-harness.js';
import { actionBody, commandBody, FORM, postSigned } from './slack-request.js';
import { createTestCommands } from './test-actions.js';

const channel = (channelId: string, workspaceId = 'T1'): Destination => ({ platform: 'slack', workspaceId, channelId });

type View = { type: string; callback_id?: string; private_metadata?: string; blocks: Array<Record<string, unknown>> };

/** A view_submission as Slack sends it for the settings modal. */
function submission(values: { topics?: string[]; digest?: boolean; day?: string | null; time?: string | null; zone?: string | null; watches?: string; mutes?: string; quiet?: string }, metadata = 'C9', userId = 'U1') {
  const opt = (value: string) => ({ text: { type: 'plain_text', text: value }, value });
  return {
    type: 'view_submission',
    team: { id: 'T1', domain: 'example' },
    user: { id: userId, username: 'alice', name: 'alice', team_id: 'T1' },
    api_app_id: 'A1',
    token: 'deprecated',
    trigger_id: '9.9.9',
    view: {
      id: 'V1', team_id: 'T1', type: 'modal', callback_id: 'privacy_settings', private_metadata: metadata, hash: 'h', app_id: 'A1', bot_id: 'B1',
      title: { type: 'plain_text', text: 'Channel settings' }, blocks: [],
      state: {
        values: {
          topics: { value: { type: 'multi_static_select', selected_options: (values.topics ?? []).map(opt) } },
          digestEnabled: { value: { type: 'checkboxes', selected_options: values.digest === false ? [] : [opt('on')] } },
          digestDay: { value: { type: 'static_select', selected_option: values.day === null ? null : opt(values.day ?? 'monday') } },
          digestTime: { value: { type: 'timepicker', selected_time: values.time === null ? null : (values.time ?? '09:00') } },
          digestZone: { digest_zone: { type: 'external_select', selected_option: values.zone === null ? null : opt(values.zone ?? 'UTC') } },
          watches: { value: { type: 'plain_text_input', value: values.watches ?? null } },
          mutes: { value: { type: 'plain_text_input', value: values.mutes ?? null } },
          quiet: { value: { type: 'plain_text_input', value: values.quiet ?? null } },
        },
      },
    },
    response_urls: [],
  };
}

/** block_actions from a button on a message in channel C9 (or App Home when `home`). */
function buttonPress(actionId: string, value: string, responseUrl: string, home = false) {
  return {
    type: 'block_actions',
    team: { id: 'T1', domain: 'example' },
    user: { id: 'U1', team_id: 'T1' },
    api_app_id: 'A1',
    token: 'deprecated',
    trigger_id: '7.7.7',
    ...(home
      ? { container: { type: 'view', view_id: 'VHOME' }, view: { id: 'VHOME', type: 'home', blocks: [] } }
      : { channel: { id: 'C9', name: 'privacy' }, response_url: responseUrl, container: { type: 'message', message_ts: '1.2', channel_id: 'C9' } }),
    actions: [{ type: 'button', action_id: actionId, block_id: 'b', value, action_ts: '1.3', text: { type: 'plain_text', text: 'x' } }],
  };
}

describe('Slack interactivity on the command core', () => {
  let h: SlackHarness;
  beforeEach(async () => {
    h = await startSlackHarnessWithCore();
  });
  afterEach(async () => h.close());

  async function startSlackHarnessWithCore(adminOnly = false): Promise<SlackHarness> {
    const { createStore } = await import('../../src/store/create-store.js');
    const store = createStore(':memory:');
    await store.migrate();
    const harness = await startSlackHarness({ store, handler: createTestCommands(store), env: { adminOnly } });
    return { ...harness, close: async () => { await harness.close(); await store.close(); } };
  }

  const viewsOpened = () => h.api.callsOf('views.open').map((call) => call.params.view as View);

  it('`/privacy subscribe` in a new channel opens the settings modal; saving AI and GDPR equals `/privacy subscribe ai gdpr`, and App Home shows it', async () => {
    const res = await postSigned(h.baseUrl, commandBody({ text: 'subscribe', channelId: 'C9', responseUrl: h.api.responseUrl('cmd') }), FORM);
    expect(res.status).toBe(200);
    await h.api.waitForCalls('views.open', 1);
    const [open] = h.api.callsOf('views.open');
    expect(open?.params.trigger_id).toBe('1.2.3');
    const modal = open?.params.view as View;
    expect(modal).toMatchObject({ type: 'modal', callback_id: 'privacy_settings', private_metadata: 'C9' });
    expect(blockKitProblems(modal)).toEqual([]);
    expect(JSON.stringify(modal)).toContain('"value":"gdpr"');
    expect(h.api.responses).toHaveLength(0); // the modal is the answer
    expect(await h.store.subscriptions.get(channel('C9'))).toBeNull();

    const saved = await postSigned(h.baseUrl, actionBody(submission({ topics: ['ai', 'gdpr'] })), FORM);
    expect(saved.status).toBe(200);
    expect(await saved.text()).toBe(''); // plain ack: the modal closes
    await h.api.waitForCalls('views.publish', 1);
    const typed = await postSigned(h.baseUrl, commandBody({ text: 'subscribe ai gdpr', channelId: 'C8', responseUrl: h.api.responseUrl('typed') }), FORM);
    expect(typed.status).toBe(200);
    await h.api.waitForResponses(1);
    const fromForm = await h.store.subscriptions.get(channel('C9'));
    const fromCommand = await h.store.subscriptions.get(channel('C8'));
    expect(fromForm).toMatchObject({ topics: ['ai', 'gdpr'], status: 'active' });
    expect({ topics: fromForm?.topics, digest: fromForm?.digest }).toEqual({ topics: fromCommand?.topics, digest: fromCommand?.digest });

    const [ephemeral] = h.api.callsOf('chat.postEphemeral');
    expect(ephemeral?.params).toMatchObject({ channel: 'C9', user: 'U1' });
    expect(String(ephemeral?.params.text)).toContain('Subscribed to ai, gdpr');
    const home = h.api.callsOf('views.publish')[0]!.params.view as View;
    expect(h.api.callsOf('views.publish')[0]!.params.user_id).toBe('U1');
    expect(JSON.stringify(home)).toContain('<#C9>*: ai, gdpr');
    expect(blockKitProblems(home)).toEqual([]);
  });

  it('answers an invalid submission with errors on the right fields and stores nothing', async () => {
    const res = await postSigned(h.baseUrl, actionBody(submission({ topics: [], zone: 'Mars/Olympus_Mons', day: 'someday' })), FORM);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { response_action: string; errors: Record<string, string> };
    expect(body.response_action).toBe('errors');
    expect(Object.keys(body.errors).sort()).toEqual(['digestDay', 'digestZone', 'topics']);
    expect(body.errors.digestZone).toContain('"Mars/Olympus_Mons" is not an IANA time zone');
    expect(body.errors.topics).toContain('Pick at least one topic');
    const forged = await postSigned(h.baseUrl, actionBody(submission({ topics: ['ai', 'not-a-topic'] })), FORM);
    expect(((await forged.json()) as { errors: Record<string, string> }).errors).toEqual({ topics: expect.stringContaining('Not a topic: not-a-topic') });
    expect(await h.store.subscriptions.list()).toEqual([]);
    expect(h.api.callsOf('chat.postEphemeral')).toHaveLength(0);
    expect(h.api.callsOf('views.publish')).toHaveLength(0);
  });

  it('refuses a submission for a channel id that is not one, and stores nothing', async () => {
    const res = await postSigned(h.baseUrl, actionBody(submission({ topics: ['ai'] }, 'C9;DROP')), FORM);
    expect(((await res.json()) as { errors: Record<string, string> }).errors.topics).toContain('expired');
    expect(await h.store.subscriptions.list()).toEqual([]);
  });

  it.each([
    ['a forged signature', { signature: 'v0=' + '0'.repeat(64) }],
    ['a stale timestamp', { timestamp: Math.floor(Date.now() / 1000) - 6 * 60 }],
    ['a timestamp from the future', { timestamp: Math.floor(Date.now() / 1000) + 6 * 60 }],
    ['no signature at all', { signature: null }],
  ])('401s %s and stores nothing', async (_, sign) => {
    const submit = await postSigned(h.baseUrl, actionBody(submission({ topics: ['ai'] })), FORM, sign);
    const press = await postSigned(h.baseUrl, actionBody(buttonPress('home_edit_channel', 'C9', '', true)), FORM, sign);
    expect([submit.status, press.status]).toEqual([401, 401]);
    expect(await h.store.subscriptions.list()).toEqual([]);
    expect(h.api.calls.filter((call) => call.method.startsWith('views.'))).toEqual([]);
  });

  it('App Home Edit opens the modal filled with the saved settings', async () => {
    await h.store.subscriptions.subscribe(channel('C9'), ['breach', 'ai'], { enabled: true, weekday: 5, time: '16:30', timeZone: 'Europe/Berlin' }, new Date());
    const res = await postSigned(h.baseUrl, actionBody(buttonPress('home_edit_channel', 'C9', '', true)), FORM);
    expect(res.status).toBe(200);
    await h.api.waitForCalls('views.open', 1);
    const [modal] = viewsOpened();
    expect(h.api.callsOf('views.open')[0]?.params.trigger_id).toBe('7.7.7');
    const inputs = Object.fromEntries(modal!.blocks.filter((b) => b.type === 'input').map((b) => [b.block_id, b.element as Record<string, unknown>]));
    expect((inputs.topics!.initial_options as Array<{ value: string }>).map((o) => o.value).sort()).toEqual(['ai', 'breach']);
    expect(inputs.digestDay!.initial_option).toMatchObject({ value: 'friday' });
    expect(inputs.digestTime!.initial_time).toBe('16:30');
    expect(inputs.digestZone!.initial_option).toMatchObject({ value: 'Europe/Berlin' });
    expect(blockKitProblems(modal!)).toEqual([]);
  });

  it('changes topics and the digest from the modal through the same functions as the commands', async () => {
    await h.store.subscriptions.subscribe(channel('C9'), ['breach', 'ai'], { enabled: true, weekday: 1, time: '09:00', timeZone: 'UTC' }, new Date());
    await postSigned(h.baseUrl, actionBody(submission({ topics: ['ai', 'gdpr'], day: 'thursday', time: '07:15', zone: 'America/New_York' })), FORM);
    await h.api.waitForCalls('views.publish', 1);
    expect(await h.store.subscriptions.get(channel('C9'))).toMatchObject({
      topics: ['ai', 'gdpr'], digest: { enabled: true, weekday: 4, time: '07:15', timeZone: 'America/New_York' },
    });
    await postSigned(h.baseUrl, actionBody(submission({ topics: ['ai', 'gdpr'], digest: false, day: null, time: null, zone: null })), FORM);
    await h.api.waitForCalls('views.publish', 2);
    expect((await h.store.subscriptions.get(channel('C9')))?.digest).toEqual({ enabled: false, weekday: 4, time: '07:15', timeZone: 'America/New_York' });
  });

  it('saves watches, mutes and quiet hours from the modal with the typed commands\' functions; a bad line is an error on its field and nothing is saved', async () => {
    await h.store.feeds.syncConfig([{ id: 'bbc', url: 'https://bbc.example/feed', name: 'BBC' }]);
    const bad = await postSigned(h.baseUrl, actionBody(submission({ topics: ['ai'], watches: 'clearview\n"unclosed', mutes: 'source nope', quiet: '25:00-07:00' })), FORM);
    const errors = ((await bad.json()) as { errors: Record<string, string> }).errors;
    expect(Object.keys(errors).sort()).toEqual(['quiet', 'watches']);
    expect(errors.watches).toMatch(/^Line 2: /);
    const unknownSource = await postSigned(h.baseUrl, actionBody(submission({ topics: ['ai'], mutes: 'source nope' })), FORM);
    expect(((await unknownSource.json()) as { errors: Record<string, string> }).errors).toEqual({ mutes: expect.stringContaining('no source with the id "nope"') });
    expect(await h.store.subscriptions.list()).toEqual([]);
    expect(await h.store.watches.list(channel('C9'))).toEqual([]);

    const ok = await postSigned(h.baseUrl, actionBody(submission({ topics: ['ai'], watches: 'clearview\n"facial recognition" -police', mutes: 'source bbc\ncrypto', quiet: '22:00-07:00 weekends' })), FORM);
    expect(await ok.text()).toBe('');
    await h.api.waitForCalls('views.publish', 1);
    expect((await h.store.watches.list(channel('C9'))).sort()).toEqual(['"facial recognition" -police', 'clearview']);
    expect(await h.store.mutes.list(channel('C9'))).toHaveLength(2);
    expect(await h.store.mutes.list(channel('C9'))).toEqual(expect.arrayContaining([{ kind: 'source', feedId: 'bbc' }, { kind: 'query', query: 'crypto' }]));
    expect((await h.store.subscriptions.get(channel('C9')))?.quiet).toEqual({ start: '22:00', end: '07:00', weekends: true, timeZone: 'UTC' });
    // The modal opened again shows them; removing a line removes that watch, emptying quiet ends it.
    await postSigned(h.baseUrl, actionBody(buttonPress('home_edit_channel', 'C9', '', true)), FORM);
    await h.api.waitForCalls('views.open', 1);
    const modal = JSON.stringify(viewsOpened()[0]);
    expect(modal).toMatch(/"initial_value":"(source bbc\\ncrypto|crypto\\nsource bbc)"/);
    expect(modal).toContain('"initial_value":"22:00-07:00 weekends UTC"');
    await postSigned(h.baseUrl, actionBody(submission({ topics: ['ai'], watches: 'clearview', mutes: 'source bbc\ncrypto', quiet: '' })), FORM);
    await h.api.waitForCalls('views.publish', 2);
    expect(await h.store.watches.list(channel('C9'))).toEqual(['clearview']);
    expect((await h.store.subscriptions.get(channel('C9')))?.quiet ?? null).toBeNull();
    const home = JSON.stringify(h.api.callsOf('views.publish')[1]!.params.view);
    expect(home).toContain('Watches: clearview');
    expect(home).toMatch(/Mutes: (source bbc · crypto|crypto · source bbc)/);
    expect(home).not.toContain('Quiet hours:');
  });

  it('"Mute this source here" on a BBC post mutes that source in that channel only, exactly as `mute source bbc` does: the next BBC item does not arrive there', async () => {
    await h.store.feeds.syncConfig([{ id: 'bbc', url: 'https://bbc.example/feed', name: 'BBC' }]);
    const schedule = { enabled: false, weekday: 1, time: '09:00', timeZone: 'UTC' };
    await h.store.subscriptions.subscribe(channel('C9'), ['ai'], schedule, new Date());
    const [post] = await h.store.items.insertNew('bbc', [makeItem('first')], new Date());
    const res = await postSigned(h.baseUrl, actionBody(buttonPress('item_mute-source', String(post!.id), h.api.responseUrl('mute'))), FORM);
    expect(res.status).toBe(200);
    await h.api.waitForResponses(1);
    expect(h.api.responses[0]!.body).toMatchObject({ response_type: 'ephemeral' });
    expect(JSON.stringify(h.api.responses[0]!.body)).toContain('Muted source bbc');
    const typed = await postSigned(h.baseUrl, commandBody({ text: 'mute source bbc', channelId: 'C8', responseUrl: h.api.responseUrl('typed') }), FORM);
    expect(typed.status).toBe(200);
    await h.api.waitForResponses(2);
    expect(await h.store.mutes.list(channel('C9'))).toEqual(await h.store.mutes.list(channel('C8')));
    expect(await h.store.mutes.list(channel('C9'))).toEqual([{ kind: 'source', feedId: 'bbc' }]);
    expect(await h.store.mutes.list(channel('C7'))).toEqual([]);
    // The next BBC item is not posted in C9; another channel on the same topic still gets it.
    await h.store.subscriptions.subscribe(channel('C7'), ['ai'], schedule, new Date());
    await h.store.feeds.syncConfig([{ id: 'bbc', url: 'https://bbc.example/feed', name: 'BBC' }, { id: 'reuters', url: 'https://reuters.example/feed', name: 'Reuters' }]);
    const [next] = await h.store.items.insertNew('bbc', [makeItem('next')], new Date());
    const [other] = await h.store.items.insertNew('reuters', [makeItem('other')], new Date());
    await routeNewItems(h.store, [next!, other!], new Date());
    const queued = (await h.store.outbox.list()).map((row) => `${row.destination.channelId}:${(row.payload as { itemId: number }).itemId}`);
    expect(queued).toContain(`C7:${next!.id}`);
    expect(queued).toContain(`C9:${other!.id}`);
    expect(queued).not.toContain(`C9:${next!.id}`);
  });

  it('suggests time zones for the typeahead (block_suggestion), at most 100', async () => {
    const suggest = (value: string) => postSigned(h.baseUrl, actionBody({
      type: 'block_suggestion', user: { id: 'U1', team_id: 'T1' }, team: { id: 'T1' }, api_app_id: 'A1', token: 'x',
      action_id: 'digest_zone', block_id: 'digestZone', value, container: { type: 'view', view_id: 'V1' }, view: { id: 'V1', type: 'modal', callback_id: 'privacy_settings' },
    }), FORM);
    const berlin = (await (await suggest('berl')).json()) as { options: Array<{ value: string; text: { text: string } }> };
    expect(berlin.options.map((o) => o.value)).toEqual(['Europe/Berlin']);
    const wide = (await (await suggest('a')).json()) as { options: unknown[] };
    expect(wide.options.length).toBe(100);
  });

  it('post actions: Why this?, More on this story and Not relevant answer privately; Not relevant stores (item, topic, channel) only', async () => {
    await h.store.feeds.syncConfig([{ id: 'bbc', url: 'https://bbc.example/feed', name: 'BBC' }]);
    const [item] = await h.store.items.insertNew('bbc', [makeItem('x', { topics: ['ai', 'gdpr'], why: { ai: ['machine learning'], gdpr: ['gdpr'] } })], new Date());
    await h.store.subscriptions.subscribe(channel('C9'), ['gdpr'], { enabled: false, weekday: 1, time: '09:00', timeZone: 'UTC' }, new Date());
    for (const [actionId, id] of [['item_why', 'why'], ['item_more-on-story', 'more'], ['item_not-relevant', 'nr'], ['item_not-relevant', 'nr2']] as const) {
      const res = await postSigned(h.baseUrl, actionBody(buttonPress(actionId, String(item!.id), h.api.responseUrl(id))), FORM);
      expect(res.status).toBe(200);
    }
    await h.api.waitForResponses(4);
    const byId = Object.fromEntries(h.api.responses.map((r) => [r.id, JSON.stringify(r.body)]));
    expect(byId.why).toContain('matched \\"machine learning\\"');
    expect(byId.more).toContain('No other source has reported this story yet');
    expect(byId.nr).toContain(`#${item!.id} is recorded as not relevant for GDPR`);
    for (const body of h.api.responses.map((r) => r.body)) expect(body.response_type).toBe('ephemeral');
    // Only the followed topic that brought the item here, once per channel however often clicked.
    expect(await h.store.feedback.countsByTopic()).toEqual([{ topic: 'gdpr', count: 1 }]);
  });

  it('ignores post actions whose value is not an item id, and stores nothing', async () => {
    for (const value of ['1; DROP TABLE feedback', '-3', '0', '1e3', 'x'.repeat(3000)]) {
      const res = await postSigned(h.baseUrl, actionBody(buttonPress('item_not-relevant', value, h.api.responseUrl())), FORM);
      expect(res.status).toBe(200);
    }
    const unknownKind = await postSigned(h.baseUrl, actionBody(buttonPress('item_delete-everything', '1', h.api.responseUrl())), FORM);
    expect(unknownKind.status).toBe(200);
    expect(await h.store.feedback.countsByTopic()).toEqual([]);
    expect(h.api.responses).toEqual([]);
  });

  it('with SLACK_ADMIN_ONLY, re-checks the person on every request: a non-admin gets a refusal and nothing is stored', async () => {
    await h.close();
    h = await startSlackHarnessWithCore(true);
    h.api.on('users.info', (call) => ({ body: { ok: true, user: { id: call.params.user, is_admin: call.params.user === 'UADMIN' } } }));
    const refused = await postSigned(h.baseUrl, actionBody(submission({ topics: ['ai'] }, 'C9', 'UPLAIN')), FORM);
    expect(((await refused.json()) as { errors: Record<string, string> }).errors.topics).toContain('only workspace admins');
    expect(await h.store.subscriptions.list()).toEqual([]);
    await postSigned(h.baseUrl, actionBody(buttonPress('home_edit_channel', 'C9', '', true)), FORM);
    await h.api.waitForCalls('views.open', 1);
    expect(JSON.stringify(viewsOpened()[0])).toContain('only workspace admins');
    expect(viewsOpened()[0]?.callback_id).toBeUndefined(); // a notice, not the form
    const allowed = await postSigned(h.baseUrl, actionBody(submission({ topics: ['ai'] }, 'C9', 'UADMIN')), FORM);
    expect(await allowed.text()).toBe('');
    await h.api.waitForCalls('views.publish', 1);
    expect((await h.store.subscriptions.get(channel('C9')))?.topics).toEqual(['ai']);
  });
});
