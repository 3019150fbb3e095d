/**
 * The newcomer's first ten minutes: readable logs on a terminal (JSON elsewhere), the privacy>
 * prompt after the start-up messages, and a demo that leaves nothing behind for `npm start`.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createConsoleAdapter } from '../../adapters/console/create-console-adapter.js';
import { readableLogs } from '../../src/app/create-core.js';
import { createLogger } from '../../src/core/logger.js';
import { createStore } from '../../src/store/create-store.js';
import { runCaptured } from './run-captured.js';

function capture() {
  let text = '';
  return { stream: { write: (chunk: string) => (text += chunk) }, read: () => text };
}

describe('logs', () => {
  it('are readable lines on a terminal and JSON when not (LOG_FORMAT=auto), secrets redacted either way', () => {
    expect(readableLogs('auto', true)).toBe(true);
    expect(readableLogs('auto', false)).toBe(false);
    expect(readableLogs('json', true)).toBe(false);
    expect(readableLogs('readable', false)).toBe(true);

    const terminal = capture();
    createLogger({ readable: true, destination: terminal.stream }).warn({ feed: 'demo-wire', err: new Error('getaddrinfo ENOTFOUND wire.example'), token: 'xoxb-123-secret' }, 'feed is failing');
    expect(terminal.read()).toMatch(/^\d\d:\d\d:\d\d WARN {2}feed is failing {2}feed=demo-wire err=getaddrinfo ENOTFOUND wire\.example token=\[redacted\]\n$/);

    const pipe = capture();
    createLogger({ readable: false, destination: pipe.stream }).info({ port: 3000 }, 'privacy radar started');
    expect(JSON.parse(pipe.read())).toMatchObject({ level: 30, port: 3000, msg: 'privacy radar started' });
  });
});

describe('the console prompt', () => {
  it('appears only once start-up messages are printed (ready), not when the adapter starts', async () => {
    const output = new PassThrough();
    let printed = '';
    output.on('data', (chunk) => (printed += chunk));
    const commands = { handle: async () => ({ text: 'ok' }) };
    const adapter = createConsoleAdapter({ commands, input: new PassThrough(), output, prompt: true });
    adapter.start();
    expect(printed).not.toContain('privacy>');
    printed += '[start-up lines]';
    adapter.ready();
    expect(printed.indexOf('privacy> ')).toBeGreaterThan(printed.indexOf('[start-up lines]'));
    adapter.stop();
  });
});

describe('npm run demo', () => {
  it('runs on its own temporary database, keeps publishing with a hint per cycle, and npm start then shows none of its items', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'pr-demo-'));
    const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
    const env: Record<string, string | undefined> = { ...process.env, DEMO_PUBLISH_MS: '250', DEMO_SECONDS: '7', WEB_ACCESS: 'off', PORT: '0' };
    delete env.DATABASE_URL;
    const child = spawn(process.execPath, ['--import', tsx, join(process.cwd(), 'demo/run-demo.ts')], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    child.stderr.on('data', (chunk) => (out += chunk));
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(code, out).toBe(0);
    // Posts arrived, with references, and each cycle ended with a hint of what to type.
    expect(out).toMatch(/· #\d+/);
    expect(out).toMatch(/Cycle 1 done: 6 new reports arrived\.\nTry: why #\d+ · latest/);
    expect(out).toMatch(/Cycle 2 done/);
    expect(out).toContain('Also covered by');
    const folder = /database is temporary \(([^)]+)\)/.exec(out)?.[1];
    expect(folder).toBeTruthy();
    expect(existsSync(folder!)).toBe(false);
    // Nothing was written where `npm start` looks by default (./data under the working folder).
    expect(existsSync(join(cwd, 'data'))).toBe(false);
    const after = await runCaptured(['latest', '--json'], { DATABASE_URL: join(cwd, 'data', 'privacy-radar.db'), FEEDS_FILE: join(process.cwd(), 'feeds.json') });
    expect(after.code, after.err).toBe(0);
    expect(after.out).not.toMatch(/Chatbot maker|Hospital network|Demo /);
  }, 40_000);
});

describe('why from the CLI', () => {
  it('latest shows each item’s #id and human time; why #id explains it as chat does', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pr-why-'));
    const env = { DATABASE_URL: join(dir, 'radar.db'), FEEDS_FILE: join(dir, 'feeds.json'), LOG_LEVEL: 'silent' };
    writeFileSync(env.FEEDS_FILE, JSON.stringify({ feeds: [{ id: 'reuters', url: 'https://reuters.example/feed', name: 'Reuters' }] }));
    const store = createStore(env.DATABASE_URL);
    await store.migrate();
    await store.feeds.syncConfig([{ id: 'reuters', url: 'https://reuters.example/feed', name: 'Reuters' }]);
    const [item] = await store.items.insertNew('reuters', [{ key: 'k1', url: 'https://reuters.example/cnil', title: 'CNIL fines firm', description: '', content: '', publishedAt: new Date('2026-12-01T09:00:00Z'), summary: 's', topics: ['gdpr'], why: { gdpr: ['CNIL'] } }], new Date('2026-12-01T09:00:00Z'));
    await store.close();
    const latest = await runCaptured(['latest'], env);
    expect(latest.out).toContain(`#${item!.id}  Tue 1 Dec, 09:00 UTC  CNIL fines firm  (Reuters)`);
    const why = await runCaptured(['why', `#${item!.id}`], env);
    expect(why.code, why.err).toBe(0);
    expect(why.out).toBe(`Why: CNIL fines firm\n  GDPR & EU/UK data protection (gdpr): matched "CNIL"\n  https://reuters.example/cnil\n`);
    const missing = await runCaptured(['why', '#999999'], env);
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('No stored item matches "999999"');
  });
});
