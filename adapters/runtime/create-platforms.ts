import type { AppCore, PlatformBundle } from '../../src/index.js';
import { createConsoleAdapter } from '../console/create-console-adapter.js';
import { createSlackAdapter } from '../slack/create-slack-adapter.js';
import { createTeamsAdapter, readTeamsEnv } from '../teams/create-teams-adapter.js';

/**
 * Chooses the chat platforms from the environment: Slack when its tokens are set, Teams when
 * TEAMS_APP_ID is set or TEAMS_LOCAL_DEV asks for local development (otherwise /api/messages is
 * not mounted at all), and the console adapter when neither Slack nor Teams credentials are set.
 */
export async function createPlatforms(core: AppCore): Promise<PlatformBundle> {
  const { env } = core.config;
  const { store, logger, clock, commands, actions } = core;
  const parts: Array<{ name: string; port: PlatformBundle['ports'][number]; routes: PlatformBundle['routes']; start(): Promise<void> | void; ready?(): void; stop(): Promise<void> | void }> = [];

  const slackConfigured = Boolean(env.SLACK_BOT_TOKEN || env.SLACK_CLIENT_ID);
  if (slackConfigured) {
    const slack = createSlackAdapter({
      env: {
        signingSecret: env.SLACK_SIGNING_SECRET!,
        botToken: env.SLACK_BOT_TOKEN,
        appToken: env.SLACK_APP_TOKEN,
        clientId: env.SLACK_CLIENT_ID,
        clientSecret: env.SLACK_CLIENT_SECRET,
        stateSecret: env.SLACK_STATE_SECRET,
        apiUrl: env.SLACK_API_URL,
        adminOnly: env.SLACK_ADMIN_ONLY,
        tokensEncrypted: Boolean(env.ENCRYPTION_KEY),
      },
      commandHandler: commands,
      actions,
      store,
      logger,
      clock,
    });
    parts.push({ name: 'slack', ...slack });
  }

  const teamsEnv = readTeamsEnv(core.config.source);
  if (teamsEnv.appId || teamsEnv.localDev) {
    const teams = createTeamsAdapter({ env: teamsEnv, commandHandler: commands, actions, store, logger, clock });
    parts.push({ name: teamsEnv.appId ? 'teams' : 'teams (local development: loopback only)', ...teams });
  }

  if (!slackConfigured && !env.TEAMS_APP_ID) {
    const consoleAdapter = createConsoleAdapter({ commands, input: process.stdin, output: process.stdout });
    parts.push({ name: 'console', port: consoleAdapter.port, routes: [], start: () => consoleAdapter.start(), ready: () => consoleAdapter.ready(), stop: () => consoleAdapter.stop() });
  }

  return {
    names: parts.map((p) => p.name),
    ports: parts.map((p) => p.port),
    routes: parts.flatMap((p) => p.routes),
    async start() {
      for (const part of parts) await part.start();
    },
    ready() {
      for (const part of parts) part.ready?.();
    },
    async stop() {
      for (const part of parts) await part.stop();
    },
  };
}
