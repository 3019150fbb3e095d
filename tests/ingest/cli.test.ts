import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCaptured } from '../foundation/run-captured.js';
import { rssFeed, startFeedServer, type FeedServer } from './feed-server.js';

let server: FeedServer;
let dir: string;
const saved = { ...process.env };

beforeAll(async () => {
  server = await startFeedServer();
  server.serveStatic('/cli-good', rssFeed([1, 2, 3]));
  dir = mkdtempSync(join(tmpdir(), 'ingest-cli-'));
  writeFileSync(join(dir, 'feeds.json'), JSON.stringify({
    feeds: [
      { id: 'good', url: server.url('/cli-good') },
      { id: 'broken', url: server.url('/status-500') },
      { id: 'off', url: server.url('/cli-good'), enabled: false },
    ],
  }));
  Object.assign(process.env, { FEEDS_FILE: join(dir, 'feeds.json'), DATABASE_URL: join(dir, 'db.sqlite'), ALLOW_PRIVATE_NETWORK: 'true', LOG_LEVEL: 'silent' });
});
afterAll(async () => {
  process.env = saved;
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

const cli = (...args: string[]) => runCaptured(args);

describe('poll --once and feeds (CLI)', () => {
  it('poll --once --json prints exactly the report and exits 0 even when a feed fails', async () => {
    const { code, out, err } = await cli('poll', '--once', '--json');
    expect(err).toBe('');
    expect(code).toBe(0);
    const report = JSON.parse(out);
    expect(Object.keys(report)).toEqual(['feeds', 'newItems']);
    expect(report.newItems).toBe(3);
    expect(report.feeds).toHaveLength(2); // the disabled feed is not polled
    expect(report.feeds.find((f: { id: string }) => f.id === 'good')).toEqual(
      { id: 'good', url: server.url('/cli-good'), status: 'ok', error: null, items: 3, newItems: 3 });
    expect(report.feeds.find((f: { id: string }) => f.id === 'broken')).toEqual(
      { id: 'broken', url: server.url('/status-500'), status: 'error', error: { kind: 'http_5xx', message: 'HTTP 500' }, items: 0, newItems: 0 });
    const again = JSON.parse((await cli('poll', '--once', '--json')).out);
    expect(again.feeds.find((f: { id: string }) => f.id === 'good')).toMatchObject({ status: 'not_modified', newItems: 0 });
  });

  it('feeds list shows health, last error kind, failures and next check', async () => {
    const { code, out } = await cli('feeds', 'list');
    expect(code).toBe(0);
    const lines = out.split('\n');
    expect(lines[0]).toMatch(/^ID\s+HEALTH\s+LAST ERROR\s+FAILURES\s+NEXT CHECK\s+URL$/);
    expect(lines.find((l) => l.startsWith('broken'))).toMatch(/^broken\s+new\s+http_5xx\s+2\s+\w{3} \d{1,2} \w{3}, \d{2}:\d{2} UTC/);
    // The same words as chat `feeds`: the problem in plain words and when it is tried next.
    expect(out).toMatch(/ {2}broken: the feed’s server had an error \(HTTP 500\), next try (\w{3} \d{1,2} \w{3}, )?\d\d:\d\d UTC; no success yet\n {4}\(http_5xx: HTTP 500\)/);
    expect(lines.find((l) => l.startsWith('off'))).toMatch(/^off\s+disabled\s+-\s+0\s+now/);
    const json = JSON.parse((await cli('feeds', 'list', '--json')).out);
    expect(json.find((f: { id: string }) => f.id === 'good')).toMatchObject({ health: 'ok', lastError: null, consecutiveFailures: 0 });
  });

  it('feeds check polls now: the third failure marks the feed failing', async () => {
    const { code, out } = await cli('feeds', 'check', 'broken');
    expect(code).toBe(0);
    expect(out.split('\n').find((l) => l.startsWith('broken'))).toMatch(/^broken\s+failing\s+http_5xx\s+3\s/);
    expect(out).toContain('(http_5xx: HTTP 500)');
  });

  it('bad usage exits 2 with a clear message', async () => {
    expect(await cli('poll')).toMatchObject({ code: 2 });
    const unknown = await cli('feeds', 'check', 'nope');
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain('unknown feed id "nope"');
    expect((await cli('feeds', 'frobnicate')).err).toContain('expected "feeds list", "check", "import" or "export"');
  });

  it('feeds export prints OPML; feeds import adds only new URLs to feeds.json', async () => {
    const exported = await cli('feeds', 'export');
    expect(exported.code).toBe(0);
    expect(exported.out).toContain(`xmlUrl="${server.url('/cli-good')}"`);
    const opml = `<?xml version="1.0"?><opml version="2.0"><head><title>x</title></head><body><outline text="News"><outline text="EFF Deeplinks" xmlUrl="https://www.eff.org/rss/updates.xml"/><outline text="Dup" xmlUrl="${server.url('/cli-good')}"/></outline></body></opml>`;
    writeFileSync(join(dir, 'in.opml'), opml);
    const before = readFileSync(join(dir, 'feeds.json'), 'utf8');
    try {
      const imported = await cli('feeds', 'import', join(dir, 'in.opml'));
      expect(imported.code).toBe(0);
      expect(imported.out).toContain('+ eff-deeplinks  https://www.eff.org/rss/updates.xml');
      expect(imported.out).toContain('already configured');
      const feeds = JSON.parse(readFileSync(join(dir, 'feeds.json'), 'utf8')).feeds;
      expect(feeds.map((f: { id: string }) => f.id)).toEqual(['good', 'broken', 'off', 'eff-deeplinks']);
      writeFileSync(join(dir, 'not.opml'), 'not xml');
      expect((await cli('feeds', 'import', join(dir, 'not.opml'))).code).toBe(2);
    } finally {
      writeFileSync(join(dir, 'feeds.json'), before);
    }
  });

  it('an invalid feeds.json exits 2 (the only non-zero exit of poll --once)', async () => {
    writeFileSync(join(dir, 'bad.json'), '{"feeds":[{"id":"Bad Id","url":"ftp://x"}]}');
    process.env.FEEDS_FILE = join(dir, 'bad.json');
    try {
      const { code, err } = await cli('poll', '--once', '--json');
      expect(code).toBe(2);
      expect(err).toMatch(/bad\.json/);
    } finally {
      process.env.FEEDS_FILE = join(dir, 'feeds.json');
    }
  });
});
