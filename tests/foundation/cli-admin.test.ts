import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createStore } from '../../src/store/create-store.js';
import { enqueueAdminNotice } from '../../src/delivery/admin-notice.js';
import { runCaptured } from './run-captured.js';

describe('admin-channel and purge commands', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pr-admin-'));
  const env = { DATABASE_URL: join(dir, 'radar.db'), FEEDS_FILE: 'feeds.json', LOG_LEVEL: 'silent' };
  const destination = { platform: 'slack' as const, workspaceId: 'T1', channelId: 'C1' };

  it('marks a channel as admin so feed-health notices reach it, and purge removes it', async () => {
    const marked = await runCaptured(['admin-channel', 'slack:T1:C1'], env);
    expect(marked.code).toBe(0);
    let store = await createStore(env.DATABASE_URL);
    expect((await store.subscriptions.get(destination))?.isAdmin).toBe(true);
    expect(await enqueueAdminNotice(store, 'Feed "x" is failing', new Date())).toBe(1);
    await store.close();

    const purged = await runCaptured(['purge', '--workspace', 'slack:T1'], env);
    expect(purged.code).toBe(0);
    store = await createStore(env.DATABASE_URL);
    expect(await store.subscriptions.get(destination)).toBeNull();
    expect(await store.outbox.list({ destination })).toEqual([]);
    await store.close();
  });

  it('rejects malformed targets with exit code 2', async () => {
    expect((await runCaptured(['admin-channel', 'slack:T1'], env)).code).toBe(2);
    expect((await runCaptured(['purge', '--workspace', 'irc:T1'], env)).code).toBe(2);
    expect((await runCaptured(['purge'], env)).err).toContain('exactly one of --workspace or --channel');
  });
});
