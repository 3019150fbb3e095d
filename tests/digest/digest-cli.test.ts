import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCaptured } from '../foundation/run-captured.js';
import { createStore } from '../../src/store/create-store.js';
import { BERLIN_MONDAY_9, FEEDS, tagged } from './digest-fixtures.js';

const dir = mkdtempSync(join(tmpdir(), 'pr-digest-cli-'));
const env = { FEEDS_FILE: join(dir, 'feeds.json'), DATABASE_URL: join(dir, 'radar.db'), LOG_LEVEL: 'silent' };

const run = (argv: string[]) => runCaptured(argv, env);

describe('privacy-radar digest', () => {
  beforeAll(async () => {
    writeFileSync(env.FEEDS_FILE, JSON.stringify({ feeds: FEEDS }));
    const store = createStore(env.DATABASE_URL);
    await store.migrate();
    await store.feeds.syncConfig(FEEDS);
    const now = new Date();
    await store.subscriptions.subscribe({ platform: 'slack', workspaceId: 'T9', channelId: 'C123' }, ['ai'], BERLIN_MONDAY_9, new Date(now.getTime() - 30 * 86_400_000));
    await store.items.insertNew('eff', [tagged('e1', 'Colorado governor signs AI Act', ['ai'], new Date(now.getTime() - 3600_000))], new Date(now.getTime() - 3600_000));
    await store.items.insertNew('eff', [tagged('e2', 'Older AI ruling', ['ai'], new Date(now.getTime() - 10 * 86_400_000))], new Date(now.getTime() - 10 * 86_400_000));
    await store.close();
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('previews the digest of a channel named without its workspace', async () => {
    const { code, out } = await run(['digest', '--channel', 'slack:C123', '--preview']);
    expect(code).toBe(0);
    expect(out).toContain('Weekly privacy digest');
    expect(out).toContain('• Colorado governor signs AI Act (EFF)');
    expect(out).not.toContain('Older AI ruling');
  });

  it('covers more days with --days and prints JSON with --json', async () => {
    const { code, out } = await run(['digest', '--channel', 'slack:T9:C123', '--preview', '--days', '14', '--json']);
    expect(code).toBe(0);
    const message = JSON.parse(out) as { sections: Array<{ items: Array<{ title: string }> }> };
    expect(message.sections[0]!.items.map((item) => item.title)).toEqual(['Colorado governor signs AI Act', 'Older AI ruling']);
  });

  it('queues the digest with --send', async () => {
    const { code, out } = await run(['digest', '--channel', 'slack:C123', '--send']);
    expect(code).toBe(0);
    expect(out).toContain('slack:T9:C123');
    const store = createStore(env.DATABASE_URL);
    try {
      const rows = (await store.outbox.list()).filter((row) => row.kind === 'digest');
      expect(rows.map((row) => row.destination)).toEqual([{ platform: 'slack', workspaceId: 'T9', channelId: 'C123' }]);
    } finally {
      await store.close();
    }
  });

  it('explains bad arguments and unknown channels with exit code 2', async () => {
    expect(await run(['digest', '--preview'])).toMatchObject({ code: 2, err: expect.stringContaining('--channel is required') });
    expect(await run(['digest', '--channel', 'slack:C123'])).toMatchObject({ code: 2, err: expect.stringContaining('exactly one of --preview or --send') });
    expect(await run(['digest', '--channel', 'slack:C123', '--preview', '--days', '0'])).toMatchObject({ code: 2, err: expect.stringContaining('--days') });
    expect(await run(['digest', '--channel', 'irc:C1', '--preview'])).toMatchObject({ code: 2, err: expect.stringContaining('platforms: slack, teams, console') });
    expect(await run(['digest', '--channel', 'slack:CNOPE', '--preview'])).toMatchObject({ code: 2, err: expect.stringContaining('no subscribed channel') });
  });
});
