/**
 * Purging a workspace removes its token from the SQLite files themselves, not just from query
 * results: secure_delete zeroes freed content, and a TRUNCATE checkpoint empties the WAL, which
 * otherwise keeps the page images holding the token. The bytes of the .db, -wal and -shm files
 * are read while the store is still open, as they are on a running bot.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/core/logger.js';
import { createStore } from '../../src/store/create-store.js';
import type { Store } from '../../src/store/store.js';
import { startSlackHarness } from '../slack/slack-harness.js';

const TOKEN = 'xoxb-RECOGNISABLE-7e57-70ken-0001';
const ROTATED = 'xoxb-RECOGNISABLE-7e57-70ken-0002';

function rawBytes(file: string): string {
  return ['', '-wal', '-shm'].map((suffix) => (existsSync(file + suffix) ? readFileSync(file + suffix).toString('latin1') : '')).join('\n');
}

describe('purge on SQLite', () => {
  let dir: string;
  let file: string;
  let store: Store;
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'purge-bytes-'));
    file = join(dir, 'radar.db');
    store = createStore(file);
    await store.migrate();
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it.each(['purgeWorkspace', 'delete'] as const)('%s leaves no byte of the token (or its rotated predecessor) in the .db, -wal or -shm file', async (how) => {
    const now = new Date('2026-01-05T09:00:00Z');
    for (let i = 0; i < 30; i++) await store.installations.save('slack', `TOTHER${i}`, `TOTHER${i}`, { bot: { token: `xoxb-other-${i}` } }, now);
    await store.installations.save('slack', 'T9', 'T9', { bot: { token: TOKEN } }, now);
    await store.installations.save('slack', 'T9', 'T9', { bot: { token: ROTATED } }, now); // a token rotation
    await store.subscriptions.subscribe({ platform: 'slack', workspaceId: 'T9', channelId: 'C1' }, ['ai'], { enabled: true, weekday: 1, time: '09:00', timeZone: 'UTC' }, now);
    expect(rawBytes(file)).toContain(ROTATED); // the test can see a token when one is there

    if (how === 'purgeWorkspace') await store.installations.purgeWorkspace('slack', 'T9');
    else await store.installations.delete('slack', 'T9');

    const bytes = rawBytes(file);
    expect(bytes).not.toContain(TOKEN);
    expect(bytes).not.toContain(ROTATED);
    expect(bytes).toContain('xoxb-other-29'); // other workspaces are untouched
    expect(await store.installations.get('slack', 'TOTHER29')).toEqual({ bot: { token: 'xoxb-other-29' } });
  });
});

it('Slack OAuth without ENCRYPTION_KEY warns once at start-up; with it, no warning', async () => {
  for (const tokensEncrypted of [false, true]) {
    let text = '';
    const sink = new Writable({ write: (chunk, _e, done) => ((text += String(chunk)), done()) });
    const h = await startSlackHarness({
      logger: createLogger({ level: 'info', destination: sink }),
      env: { botToken: undefined, clientId: '1.2', clientSecret: 'client-secret', stateSecret: 'state-secret-long-enough', tokensEncrypted },
    });
    await h.close();
    const warnings = text.split('\n').filter((line) => line.includes('ENCRYPTION_KEY'));
    expect(warnings, `tokensEncrypted=${tokensEncrypted}`).toHaveLength(tokensEncrypted ? 0 : 1);
    if (!tokensEncrypted) expect(JSON.parse(warnings[0]!).level).toBe(40);
  }
});
