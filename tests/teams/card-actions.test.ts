/**
 * Teams card actions end to end: the settings form (`settings`, bare `subscribe`) as a card, its
 * Save as an `adaptiveCard/action` invoke answered with the refreshed card, and the post actions'
 * Action.Submit messages, through the real route, the real command core on an in-memory store and
 * the fake connector; with credentials, every one needs a valid Bot Framework token.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createManualClock } from '../../src/core/clock.js';
import type { Destination } from '../../src/index.js';
import { makeItem } from '../store/fixtures.js';
import { createTestCommands } from '../slack/test-actions.js';
import { cardOf } from './fake-connector.js';
import { startFakeIdentity, type FakeIdentity } from './fake-identity.js';
import { channelMention, credentialsEnv, messageActivity, startHarness, type Harness } from './harness.js';
import { cardProblems } from './validate-card.js';

const APP_ID = '00000000-aaaa-bbbb-cccc-000000000001';
const CHANNEL: Destination = { platform: 'teams', workspaceId: 'tenant-1', channelId: '19:general@thread.tacv2' };

type Card = { body: Array<Record<string, unknown>>; actions?: Array<Record<string, unknown>> };

/** The invoke Teams sends for Action.Execute on the settings card in the team channel. */
function saveInvoke(serviceUrl: string, data: Record<string, string>): Record<string, unknown> {
  return {
    type: 'invoke',
    name: 'adaptiveCard/action',
    id: `inv-${Math.random()}`,
    channelId: 'msteams',
    serviceUrl,
    from: { id: '29:user-1', aadObjectId: 'aad-user-1' },
    recipient: { id: '28:bot-app-id' },
    conversation: { id: '19:general@thread.tacv2;messageid=1700000000001', conversationType: 'channel', isGroup: true, tenantId: 'tenant-1' },
    channelData: { tenant: { id: 'tenant-1' } },
    value: { action: { type: 'Action.Execute', verb: 'saveSettings', data }, trigger: 'manual' },
  };
}

/** The message Teams sends for an Action.Submit under an item card in the channel. */
function submitActivity(serviceUrl: string, value: Record<string, unknown>): Record<string, unknown> {
  return messageActivity(serviceUrl, '', {
    text: undefined,
    value,
    replyToId: '1700000000002',
    conversation: { id: '19:general@thread.tacv2;messageid=1700000000002', conversationType: 'channel', isGroup: true, tenantId: 'tenant-1' },
  });
}

async function post(h: Harness, activity: object, authorization?: string): Promise<{ status: number; body: unknown }> {
  const res = await fetch(`${h.baseUrl}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
    body: JSON.stringify(activity),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}

const inputs = (card: Card) => Object.fromEntries(card.body.filter((e) => String(e.type).startsWith('Input.')).map((e) => [e.id, e]));

describe('Teams card actions (local development)', () => {
  let h: Harness;
  afterEach(async () => h.close());

  async function start(): Promise<Harness> {
    const { createStore } = await import('../../src/store/create-store.js');
    const store = createStore(':memory:');
    await store.migrate();
    const clock = createManualClock('2026-03-02T09:00:00Z');
    const harness = await startHarness({ store, clock, handler: createTestCommands(store, clock) });
    return { ...harness, close: async () => { await harness.close(); await store.close(); } };
  }

  it('`settings` shows a form card; saving AI and GDPR subscribes the channel and the card refreshes to show it', async () => {
    h = await start();
    expect((await post(h, channelMention(h.connector.serviceUrl, 'settings'))).status).toBe(200);
    const form = cardOf(h.connector.posted[0]!) as unknown as Card;
    expect(cardProblems(form as unknown as Record<string, unknown>)).toEqual([]);
    expect(Buffer.byteLength(JSON.stringify(form))).toBeLessThan(28_000);
    expect(Object.keys(inputs(form))).toEqual(['topics', 'digestEnabled', 'digestDay', 'digestTime', 'digestZone', 'watches', 'mutes', 'quiet']);
    expect(form.actions).toEqual([expect.objectContaining({ type: 'Action.Execute', verb: 'saveSettings' })]);

    const saved = await post(h, saveInvoke(h.connector.serviceUrl, { topics: 'ai,gdpr', digestEnabled: 'true', digestDay: 'tuesday', digestTime: '08:30', digestZone: 'Europe/London', watches: 'clearview', mutes: 'crypto', quiet: '22:00-07:00' }));
    expect(saved.status).toBe(200);
    const answer = saved.body as { statusCode: number; type: string; value: Card };
    expect(answer).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.card.adaptive' });
    expect(cardProblems(answer.value as unknown as Record<string, unknown>)).toEqual([]);
    expect(inputs(answer.value)).toMatchObject({ topics: { value: 'ai,gdpr' }, digestDay: { value: 'tuesday' }, digestTime: { value: '08:30' }, digestZone: { value: 'Europe/London' }, watches: { value: 'clearview' }, mutes: { value: 'crypto' }, quiet: { value: '22:00-07:00 Europe/London' } });
    expect(JSON.stringify(answer.value)).toContain('Saved: ai, gdpr');
    expect(await h.store.subscriptions.get(CHANNEL)).toMatchObject({ topics: ['ai', 'gdpr'], digest: { enabled: true, weekday: 2, time: '08:30', timeZone: 'Europe/London' }, quiet: { start: '22:00', end: '07:00', weekends: false, timeZone: 'Europe/London' } });
    expect(await h.store.watches.list(CHANNEL)).toEqual(['clearview']);
    expect(await h.store.mutes.list(CHANNEL)).toEqual([{ kind: 'query', query: 'crypto' }]);
  });

  it('bare `subscribe` in a conversation without a subscription sends the form card', async () => {
    h = await start();
    await post(h, channelMention(h.connector.serviceUrl, 'subscribe'));
    const card = cardOf(h.connector.posted[0]!) as unknown as Card;
    expect(inputs(card).topics).toMatchObject({ type: 'Input.ChoiceSet', isMultiSelect: true, value: '' });
  });

  it('an invalid save answers with the card showing errors under the fields, and stores nothing', async () => {
    h = await start();
    const res = await post(h, saveInvoke(h.connector.serviceUrl, { topics: '', digestEnabled: 'true', digestDay: 'monday', digestTime: '25:99', digestZone: 'Nowhere/Atlantis' }));
    const card = (res.body as { value: Card }).value;
    const json = JSON.stringify(card);
    expect(json).toContain('Nothing was saved');
    expect(json).toContain('Pick at least one topic');
    expect(json).toContain('\\"25:99\\" is not a 24-hour time');
    expect(json).toContain('\\"Nowhere/Atlantis\\" is not an IANA time zone');
    expect(cardProblems(card as unknown as Record<string, unknown>)).toEqual([]);
    expect(await h.store.subscriptions.list()).toEqual([]);
  });

  it('post actions (Action.Submit) run through the core: Not relevant stores (item, topic, channel); a bad id does nothing', async () => {
    h = await start();
    await h.store.feeds.syncConfig([{ id: 'bbc', url: 'https://bbc.example/feed', name: 'BBC' }]);
    const [item] = await h.store.items.insertNew('bbc', [makeItem('x', { topics: ['ai'] })], h.clock.now());
    await h.store.subscriptions.subscribe(CHANNEL, ['ai'], { enabled: false, weekday: 1, time: '09:00', timeZone: 'UTC' }, h.clock.now());
    expect((await post(h, submitActivity(h.connector.serviceUrl, { privacyAction: 'not-relevant', itemId: item!.id }))).status).toBe(200);
    expect((await post(h, submitActivity(h.connector.serviceUrl, { privacyAction: 'why', itemId: item!.id }))).status).toBe(200);
    for (const value of [{ privacyAction: 'not-relevant', itemId: '1 OR 1=1' }, { privacyAction: 'drop', itemId: item!.id }, { privacyAction: 'not-relevant', itemId: -1 }]) {
      expect((await post(h, submitActivity(h.connector.serviceUrl, value))).status).toBe(200);
    }
    expect(await h.store.feedback.countsByTopic()).toEqual([{ topic: 'ai', count: 1 }]);
    expect(h.connector.posted).toHaveLength(2);
    expect(h.connector.posted[0]!.conversationId).toBe('19:general@thread.tacv2;messageid=1700000000002'); // answered in the item's thread
    expect(JSON.stringify(cardOf(h.connector.posted[0]!))).toContain('recorded as not relevant');
    expect(JSON.stringify(cardOf(h.connector.posted[1]!))).toContain('Why: Headline x');
  });
});

describe('Teams card actions with credentials', () => {
  let h: Harness;
  let idp: FakeIdentity;
  const clock = createManualClock('2026-03-02T09:00:00Z');
  beforeAll(async () => {
    idp = await startFakeIdentity(() => clock.now());
  });
  afterAll(async () => idp.close());
  afterEach(async () => h.close());

  it('needs a valid token for invokes and Action.Submit messages: 401 and nothing stored without one', async () => {
    const { createStore } = await import('../../src/store/create-store.js');
    const store = createStore(':memory:');
    await store.migrate();
    const started = await startHarness({ store, clock, handler: createTestCommands(store, clock), env: credentialsEnv(idp, APP_ID) });
    h = { ...started, close: async () => { await started.close(); await store.close(); } };
    await store.feeds.syncConfig([{ id: 'bbc', url: 'https://bbc.example/feed', name: 'BBC' }]);
    const [item] = await store.items.insertNew('bbc', [makeItem('x', { topics: ['ai'] })], clock.now());
    const invoke = saveInvoke(h.connector.serviceUrl, { topics: 'ai', digestEnabled: 'false', digestDay: '', digestTime: '', digestZone: '' });
    const submit = submitActivity(h.connector.serviceUrl, { privacyAction: 'not-relevant', itemId: item!.id });
    const forged = `Bearer ${await idp.sign({ iss: 'https://api.botframework.com', aud: 'someone-else', serviceurl: h.connector.serviceUrl })}`;
    for (const authorization of [undefined, 'Bearer not-a-jwt', forged]) {
      expect((await post(h, invoke, authorization)).status).toBe(401);
      expect((await post(h, submit, authorization)).status).toBe(401);
    }
    expect(await store.subscriptions.list()).toEqual([]);
    expect(await store.feedback.countsByTopic()).toEqual([]);
    expect(h.connector.posted).toHaveLength(0);

    const valid = async () => `Bearer ${await idp.sign({ iss: 'https://api.botframework.com', aud: APP_ID, serviceurl: h.connector.serviceUrl })}`;
    const saved = await post(h, invoke, await valid());
    expect(saved).toMatchObject({ status: 200, body: { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive' } });
    expect((await store.subscriptions.get(CHANNEL))?.topics).toEqual(['ai']);
    expect((await post(h, submit, await valid())).status).toBe(200);
    expect(await store.feedback.countsByTopic()).toEqual([{ topic: 'ai', count: 1 }]);
  });
});
