import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createPlatforms } from '../../adapters/runtime/create-platforms.js';
import { createCore, type AppCore } from '../../src/app/create-core.js';
import { loadAppConfig } from '../../src/app/load-config.js';
import { createManualClock } from '../../src/core/clock.js';
import { createSilentLogger } from '../../src/core/logger.js';
import { startHttpServer, type BotHttpServer } from '../../src/server/http-server.js';
import { startFakeConnector, type FakeConnector } from './fake-connector.js';
import { messageActivity, postActivity } from './harness.js';

/**
 * The bot as `npm start` wires it (composition root, real config, real HTTP server): whether
 * POST /api/messages exists at all depends on the Teams settings.
 */
describe('mounting /api/messages', () => {
  let core: AppCore | undefined;
  let server: BotHttpServer | undefined;
  let connector: FakeConnector | undefined;
  afterEach(async () => {
    await server?.close();
    await core?.close();
    await connector?.close();
    server = core = connector = undefined;
  });

  async function start(extra: Record<string, string>): Promise<string> {
    const dir = mkdtempSync(join(tmpdir(), 'pr-teams-mount-'));
    const env = { FEEDS_FILE: join(dir, 'feeds.json'), DATABASE_URL: join(dir, 'radar.db'), LOG_LEVEL: 'silent', ...extra };
    writeFileSync(env.FEEDS_FILE, JSON.stringify({ feeds: [] }));
    core = await createCore(loadAppConfig(env), { clock: createManualClock('2026-03-02T09:00:00Z'), logger: createSilentLogger() });
    const platforms = await createPlatforms(core);
    server = await startHttpServer({ port: 0, host: '127.0.0.1', routes: platforms.routes, logger: core.logger });
    connector = await startFakeConnector();
    return `http://127.0.0.1:${server.port}`;
  }

  it('without TEAMS_APP_ID and without TEAMS_LOCAL_DEV the route does not exist, even for a loopback caller', async () => {
    const base = await start({});
    expect(await postActivity(base, messageActivity(connector!.serviceUrl, 'topics'))).toBe(404);
    expect(connector!.posted).toHaveLength(0);
  });

  it('TEAMS_LOCAL_DEV=true mounts it for loopback callers', async () => {
    const base = await start({ TEAMS_LOCAL_DEV: 'true' });
    expect(await postActivity(base, messageActivity(connector!.serviceUrl, 'topics'))).toBe(200);
    expect(connector!.posted).toHaveLength(1);
  });

  it('with TEAMS_APP_ID the route exists and asks for a token', async () => {
    const base = await start({ TEAMS_APP_ID: '00000000-aaaa-bbbb-cccc-000000000001', TEAMS_APP_PASSWORD: 'secret', TEAMS_TENANT_ID: 'tenant-1' });
    expect(await postActivity(base, messageActivity(connector!.serviceUrl, 'topics'))).toBe(401);
  });
});
