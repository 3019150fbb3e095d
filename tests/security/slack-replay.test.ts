/**
 * A signed Slack request replayed inside the five-minute window is answered 200 and not executed
 * again; a Slack retry (X-Slack-Retry-Num) of an event already received is acknowledged without
 * running twice, while a retry whose first delivery never arrived runs. Memory is bounded.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createReplayGuard } from '../../adapters/slack/replay-guard.js';
import { signSlackBody } from '../../adapters/slack/verify-signature.js';
import { createManualClock } from '../../src/core/clock.js';
import { createRecordingHandler } from '../slack/recording-handler.js';
import { startSlackHarness, type SlackHarness } from '../slack/slack-harness.js';
import { commandBody, eventBody, FORM, JSON_TYPE, SIGNING_SECRET } from '../slack/slack-request.js';

async function send(baseUrl: string, body: string, contentType: string, timestamp: number, extra: Record<string, string> = {}): Promise<Response> {
  const headers = {
    'content-type': contentType,
    'x-slack-request-timestamp': String(timestamp),
    'x-slack-signature': signSlackBody(SIGNING_SECRET, timestamp, body),
    ...extra,
  };
  return fetch(`${baseUrl}/slack/events`, { method: 'POST', headers, body });
}

describe('replayed Slack requests', () => {
  let h: SlackHarness;
  afterEach(async () => h.close());

  it('the same signed slash command sent twice runs once; the copy gets 200', async () => {
    const handler = createRecordingHandler();
    h = await startSlackHarness({ handler });
    const now = Math.floor(Date.now() / 1000);
    const body = commandBody({ text: 'subscribe ai', responseUrl: h.api.responseUrl() });
    expect((await send(h.baseUrl, body, FORM, now)).status).toBe(200);
    await h.api.waitForResponses(1);
    const replay = await send(h.baseUrl, body, FORM, now);
    expect(replay.status).toBe(200);
    // A later, different command is answered: had the replay run, it would be in the log before it.
    expect((await send(h.baseUrl, commandBody({ text: 'help', responseUrl: h.api.responseUrl() }), FORM, now)).status).toBe(200);
    await h.api.waitForResponses(2);
    expect(handler.calls.map((c) => c.text)).toEqual(['subscribe ai', 'help']);
  });

  it('a Slack retry of an event already received is acknowledged and not run again', async () => {
    h = await startSlackHarness();
    const now = Math.floor(Date.now() / 1000);
    const first = eventBody({ type: 'app_home_opened', user: 'U5', channel: 'D5', tab: 'home' });
    expect((await send(h.baseUrl, first, JSON_TYPE, now)).status).toBe(200);
    await h.api.waitForCalls('views.publish', 1);
    // Slack re-signs a retry with a new timestamp: only the event id says it is the same event.
    const retry = await send(h.baseUrl, first, JSON_TYPE, now + 2, { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' });
    expect(retry.status).toBe(200);
    // A retry whose first delivery never reached us is run.
    const unseen = eventBody({ type: 'app_home_opened', user: 'U6', channel: 'D6', tab: 'home' });
    expect((await send(h.baseUrl, unseen, JSON_TYPE, now + 3, { 'x-slack-retry-num': '2', 'x-slack-retry-reason': 'http_error' })).status).toBe(200);
    await h.api.waitForCalls('views.publish', 2);
    expect(h.api.callsOf('views.publish').map((c) => c.params.user_id)).toEqual(['U5', 'U6']);
  });
});

describe('the replay guard', () => {
  it('forgets a signature once the window has passed, and never holds more than its cap', () => {
    const clock = createManualClock('2026-01-05T09:00:00Z');
    const guard = createReplayGuard({ clock, maxEntries: 100 });
    const ts = Math.floor(clock.now().getTime() / 1000);
    expect(guard.check({ signature: 'v0=a', timestamp: ts })).toBeNull();
    expect(guard.check({ signature: 'v0=a', timestamp: ts })).toBe('replayed_signature');
    clock.advance(5 * 60_000 + 2_000);
    expect(guard.check({ signature: 'v0=b', timestamp: ts + 302 })).toBeNull();
    expect(guard.size()).toBe(1); // v0=a expired and was dropped
    for (let i = 0; i < 1000; i++) guard.check({ signature: `v0=${i}`, timestamp: ts + 302, eventId: `Ev${i}` });
    expect(guard.size()).toBeLessThanOrEqual(200); // signatures and event ids, each capped
    expect(guard.check({ signature: 'v0=new', timestamp: ts + 303, eventId: 'Ev999' })).toBe('repeated_event');
    clock.advance(61 * 60_000);
    expect(guard.check({ signature: 'v0=newer', timestamp: ts + 3962, eventId: 'Ev999' })).toBeNull();
  });
});
