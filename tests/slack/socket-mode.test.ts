import { afterEach, describe, expect, it } from 'vitest';
import { createRecordingHandler } from './recording-handler.js';
import { startSlackHarness, type SlackHarness } from './slack-harness.js';
import { startFakeSocketMode, type FakeSocketMode } from './fake-socket-mode.js';

describe('Socket Mode (SLACK_APP_TOKEN)', () => {
  let h: SlackHarness;
  let ws: FakeSocketMode;
  afterEach(async () => {
    await h.close();
    await ws.close();
  });

  it('receives a slash command over the socket, acks the envelope and answers at response_url; mounts no HTTP route', async () => {
    ws = await startFakeSocketMode();
    const handler = createRecordingHandler();
    h = await startSlackHarness({ handler, env: { appToken: 'xapp-test' }, start: false });
    h.api.on('apps.connections.open', (call) => (call.token === 'xapp-test' ? { body: { ok: true, url: ws.url } } : { body: { ok: false, error: 'invalid_auth' } }));
    expect(h.adapter.routes).toEqual([]);
    await h.adapter.start();
    await ws.connected;
    const responseUrl = h.api.responseUrl('socket');
    ws.send({
      envelope_id: 'env-1',
      type: 'slash_commands',
      accepts_response_payload: true,
      payload: { team_id: 'T1', channel_id: 'C5', user_id: 'U5', command: '/privacy', text: 'latest ai', response_url: responseUrl, trigger_id: '1', api_app_id: 'A1' },
    });
    const ack = await ws.waitForAck('env-1');
    expect(ack.envelope_id).toBe('env-1');
    await h.api.waitForResponses(1);
    expect(handler.calls[0]).toMatchObject({ text: 'latest ai', context: { destination: { platform: 'slack', workspaceId: 'T1', channelId: 'C5' }, userId: 'U5' } });
    expect(h.api.responses[0]).toMatchObject({ id: 'socket', body: { response_type: 'ephemeral', text: 'echo: latest ai' } });
  });
});
