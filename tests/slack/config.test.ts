import { describe, expect, it } from 'vitest';
import { createTestActions } from './test-actions.js';
import { createSlackAdapter, type SlackAdapterEnv } from '../../adapters/slack/create-slack-adapter.js';
import { systemClock } from '../../src/core/clock.js';
import { createSilentLogger } from '../../src/core/logger.js';
import { createStore } from '../../src/store/create-store.js';
import { createRecordingHandler } from './recording-handler.js';
import { startFakeSlackApi } from './fake-slack-api.js';

function build(env: Partial<SlackAdapterEnv>) {
  return createSlackAdapter({
    env: { signingSecret: 's', adminOnly: false, tokensEncrypted: false, ...env },
    commandHandler: createRecordingHandler(),
    actions: createTestActions(createStore(':memory:')),
    store: createStore(':memory:'),
    logger: createSilentLogger(),
    clock: systemClock,
  });
}

describe('Slack adapter configuration', () => {
  it.each([
    [{ signingSecret: '', botToken: 'xoxb-1' }, /SLACK_SIGNING_SECRET is required/],
    [{}, /needs SLACK_BOT_TOKEN/],
    [{ clientId: 'c' }, /needs SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and SLACK_STATE_SECRET/],
    [{ botToken: 'xoxb-1', clientId: 'c', clientSecret: 's', stateSecret: 't' }, /either SLACK_BOT_TOKEN .* not both/],
    [{ appToken: 'xapp-1', clientId: 'c', clientSecret: 's', stateSecret: 't' }, /Socket Mode serves one workspace/],
  ])('refuses %o with a clear message', (env, message) => {
    expect(() => build(env)).toThrow(message);
  });

  it('mounts /slack/events for a bot token, plus the OAuth routes for OAuth', () => {
    expect(build({ botToken: 'xoxb-1' }).routes.map((r) => `${r.method} ${r.path}`)).toEqual(['POST /slack/events']);
    expect(build({ clientId: 'c', clientSecret: 's', stateSecret: 't' }).routes.map((r) => `${r.method} ${r.path}`)).toEqual([
      'POST /slack/events',
      'GET /slack/install',
      'GET /slack/oauth_redirect',
    ]);
  });

  it('start() fails loudly when Slack refuses the bot token, and tolerates an unreachable Slack', async () => {
    const api = await startFakeSlackApi();
    try {
      await expect(build({ botToken: 'xoxb-revoked', apiUrl: api.apiUrl }).start()).rejects.toThrow('SLACK_BOT_TOKEN was refused by Slack (invalid_auth)');
      await expect(build({ botToken: 'xoxb-test', apiUrl: 'http://127.0.0.1:9/api/' }).start()).resolves.toBeUndefined();
    } finally {
      await api.close();
    }
  });
});
