/**
 * Load acceptance benchmark (`npm run bench:load`): the real bot process (`adapters/runtime/bin.ts
 * start`, SQLite in a temp dir) polls two feeds served on 127.0.0.1 — one item with a
 * 200,000-character title among five ordinary ones, and a 10,000-item feed — while this process
 * plays Slack: bursts of 200 concurrent signed `/privacy latest` to POST /slack/events (the fake
 * Web API on loopback takes the response_url posts) and a /healthz probe every 20 ms, open loop.
 *
 * Phases: baseline (the big-title feed stored, the bulk feed held back, so no poll runs), then
 * the bulk feed is released and its first poll runs (one burst early in it, /healthz sampled
 * throughout), then one burst after it. Ratios are against the baseline of the same run.
 * BENCH_BOT_DIR runs another checkout's bot (e.g. an older commit) with this driver.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { join, resolve } from 'node:path';
import { freePort } from '../tests/foundation/free-port.js';
import { startFeedServer } from '../tests/ingest/feed-server.js';
import { startFakeSlackApi, type FakeSlackApi } from '../tests/slack/fake-slack-api.js';
import { commandBody, FORM, postSigned, SIGNING_SECRET } from '../tests/slack/slack-request.js';

const BULK_ITEMS = Number(process.env.BENCH_BULK_ITEMS ?? 10_000);
// BENCH_BIG_TITLE=0 serves the big-title feed without its big item (to measure the poll alone).
const BIG_TITLE_CHARS = process.env.BENCH_BIG_TITLE === '0' ? 0 : 200_000;
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 200);
// BENCH_BURST_DURING_POLL=0 sends no burst while the poll runs: /healthz then measures the poll alone.
const BURST_DURING_POLL = process.env.BENCH_BURST_DURING_POLL !== '0';
const ACK_TARGET_MS = 3000;
const HEALTH_TARGET_MS = 200;
const HEALTH_EVERY_MS = 20;
const REQUEST_TIMEOUT_MS = 30_000;
const POLL_TIMEOUT_MS = 15 * 60_000;
const BOT_DIR = resolve(process.env.BENCH_BOT_DIR ?? join(import.meta.dirname, '..'));

const WORDS = 'regulator fines retailer biometric scans court blocks school face recognition data broker settlement health app leak children tracking consent banner lawsuit filed employer surveillance encryption bill passed senate state privacy law ad network location data sale investigation opened'.split(' ');

/** A privacy-news-like item: shared vocabulary, so story grouping has real candidates to weigh. */
function bulkItem(n: number): string {
  const title = Array.from({ length: 9 }, (_, k) => WORDS[(n * 7 + k * 5 + (n >> 4)) % WORDS.length]).join(' ');
  const summary = Array.from({ length: 30 }, (_, k) => WORDS[(n * 3 + k * 11) % WORDS.length]).join(' ');
  const date = new Date(Date.UTC(2026, 0, 5) - n * 60_000).toUTCString();
  return `<item><title>${title} ${n}</title><link>https://bulk.example/news/${n}</link><guid>bulk-${n}</guid><pubDate>${date}</pubDate><description>${summary}.</description></item>`;
}

function bigTitleFeed(): string {
  const words: string[] = [];
  for (let n = 0; words.join(' ').length < BIG_TITLE_CHARS; n++) words.push(`headline${n}`);
  const big = words.join(' ').slice(0, BIG_TITLE_CHARS);
  const items = [`<item><title>${big || 'Ordinary story 0 about a data breach'}</title><link>https://big.example/a</link><guid>big-0</guid><description>${big}</description></item>`];
  for (let n = 1; n <= 5; n++) items.push(`<item><title>Ordinary story ${n} about a data breach</title><link>https://big.example/${n}</link><guid>big-${n}</guid></item>`);
  return rss(items.join(''));
}

const rss = (items: string) => `<?xml version="1.0"?><rss version="2.0"><channel><title>T</title><link>https://example.org/</link>${items}</channel></rss>`;

interface Burst {
  acks: number[];
  failed: number;
  /** Acknowledged with 200 within ACK_TARGET_MS. */
  within: number;
  /** response_url posts that arrived for this burst. */
  answered: number;
}

const errors = new Set<string>();
// This process plays Slack; if its own loop lags, latencies above are partly its own.
const driverLag = monitorEventLoopDelay({ resolution: 10 });
driverLag.enable();

/** User + system CPU seconds of a process (Linux /proc; 0 elsewhere). */
function cpuSeconds(pid: number | undefined): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return 0;
  }
}

function describeError(err: unknown): string {
  const cause = (err as { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ?? cause?.message ?? (err instanceof Error ? err.message : String(err));
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-load-'));
  const feeds = await startFeedServer();
  const api = await startFakeSlackApi();
  let bot: ChildProcess | null = null;
  try {
    const bulkBody = rss(Array.from({ length: BULK_ITEMS }, (_, i) => bulkItem(i)).join(''));
    feeds.serveStatic('/big.xml', bigTitleFeed());
    let release = (): void => undefined;
    const released = new Promise<void>((resolve) => (release = resolve));
    let bulkAskedAt = 0;
    // Held until the baseline is measured: the fetcher's 20 s total timeout bounds how long.
    feeds.route('/bulk.xml', (_req, res) => {
      bulkAskedAt = performance.now();
      void released.then(() => res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(bulkBody));
    });
    writeFileSync(join(dir, 'feeds.json'), JSON.stringify({ feeds: [{ id: 'big', url: feeds.url('/big.xml') }, { id: 'bulk', url: feeds.url('/bulk.xml') }] }));
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    bot = spawn(process.execPath, [...(process.env.BENCH_BOT_NODE_ARGS?.split(' ').filter(Boolean) ?? []), '--import', 'tsx', join(BOT_DIR, 'adapters/runtime/bin.ts'), 'start'], {
      cwd: BOT_DIR,
      env: {
        ...process.env, PORT: String(port), DATABASE_URL: join(dir, 'radar.db'), FEEDS_FILE: join(dir, 'feeds.json'),
        ALLOW_PRIVATE_NETWORK: '1', LOG_LEVEL: 'warn', SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_BOT_TOKEN: 'xoxb-test',
        SLACK_API_URL: api.apiUrl,
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    await waitFor(async () => (await fetch(`${base}/healthz`).then((r) => r.status, () => 0)) === 200, 60_000, 'bot /healthz');
    await waitFor(async () => (await metric(base, 'privacy_radar_items_stored_total')) >= 6, 60_000, 'the big-title feed stored');
    console.log(`bot up; big-title feed stored; ${BULK_ITEMS}-item feed (${(bulkBody.length / 1e6).toFixed(1)} MB) held back`);

    await burst(base, api, 20, 'warm');
    const idleHealth = startHealthProbe(base);
    await sleep(1000);
    const baseline = await burst(base, api, CONCURRENCY, 'baseline');
    console.log(`baseline burst: ack p50 ${pct(baseline.acks, 50).toFixed(0)} ms, p99 ${pct(baseline.acks, 99).toFixed(0)} ms, ${baseline.within}/${CONCURRENCY} within 3 s`);
    await sleep(1000);
    const healthIdle = await idleHealth.stop();
    const bigListed = BIG_TITLE_CHARS > 0 && JSON.stringify(api.responses.at(-1)?.body ?? {}).includes('headline0');

    const heldSeconds = (performance.now() - bulkAskedAt) / 1000;
    if (heldSeconds > 15) console.log(`warning: the bulk feed was held ${heldSeconds.toFixed(1)} s; the fetch may time out at 20 s`);
    const cpuBefore = cpuSeconds(bot.pid);
    const pollStart = performance.now();
    const pollHealth = startHealthProbe(base);
    release();
    let pollSeconds = 0;
    const polled = waitFor(async () => (await polledOk(base)) >= 2, POLL_TIMEOUT_MS, `first poll of the ${BULK_ITEMS}-item feed`).then(() => {
      pollSeconds = (performance.now() - pollStart) / 1000;
    });
    await sleep(500);
    const during = BURST_DURING_POLL ? await burst(base, api, CONCURRENCY, 'during') : null;
    await polled;
    const pollCpu = cpuSeconds(bot.pid) - cpuBefore;
    const healthPoll = await pollHealth.stop();
    const after = await burst(base, api, CONCURRENCY, 'after');
    const stored = await metric(base, 'privacy_radar_items_stored_total');

    report({ baseline, during, after, healthIdle, healthPoll, pollSeconds, pollCpu, stored, bigListed });
  } finally {
    if (bot && bot.exitCode === null) {
      const exited = new Promise((resolve) => bot!.once('exit', resolve));
      bot.kill('SIGTERM');
      await Promise.race([exited, sleep(15_000)]);
      if (bot.exitCode === null) bot.kill('SIGKILL');
    }
    await api.close();
    await feeds.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** CONCURRENCY signed `/privacy latest` at once; time to each HTTP ack. */
async function burst(base: string, api: FakeSlackApi, n: number, tag: string): Promise<Burst> {
  const expected = api.responses.length + n;
  const acks: number[] = [];
  let failed = 0;
  let within = 0;
  await Promise.all(Array.from({ length: n }, async (_, i) => {
    const body = commandBody({ text: 'latest', responseUrl: api.responseUrl(`${tag}-${i}`) });
    const start = performance.now();
    try {
      const res = await withTimeout(postSigned(base, body, FORM), REQUEST_TIMEOUT_MS);
      await res.arrayBuffer();
      const took = performance.now() - start;
      if (res.status !== 200) failed += 1;
      else if (took <= ACK_TARGET_MS) within += 1;
      acks.push(took);
    } catch (err) {
      failed += 1;
      errors.add(describeError(err));
      acks.push(performance.now() - start);
    }
  }));
  // Every acknowledged command must also be answered at its response_url.
  await api.waitForResponses(expected - failed, 60_000).catch(() => undefined);
  return { acks, failed, within, answered: api.responses.length - (expected - n) };
}

/** GET /healthz every HEALTH_EVERY_MS regardless of earlier answers (open loop). */
function startHealthProbe(base: string): { stop(): Promise<number[]> } {
  const pending: Array<Promise<number>> = [];
  const timer = setInterval(() => {
    const start = performance.now();
    pending.push(withTimeout(fetch(`${base}/healthz`).then((r) => r.arrayBuffer()), REQUEST_TIMEOUT_MS).then(
      () => performance.now() - start,
      (err: unknown) => {
        errors.add(`healthz: ${describeError(err)}`);
        return performance.now() - start;
      },
    ));
  }, HEALTH_EVERY_MS);
  return {
    async stop() {
      clearInterval(timer);
      return Promise.all(pending);
    },
  };
}

async function metric(base: string, name: string): Promise<number> {
  const text = await fetch(`${base}/metrics`).then((r) => r.text(), () => '');
  return text.split('\n').filter((line) => line.startsWith(name)).reduce((sum, line) => sum + Number(line.split(' ').at(-1)), 0);
}

const polledOk = (base: string) => metric(base, 'privacy_radar_feeds_polled_total{status="ok"}');

function report(r: { baseline: Burst; during: Burst | null; after: Burst; healthIdle: number[]; healthPoll: number[]; pollSeconds: number; pollCpu: number; stored: number; bigListed: boolean }): void {
  const base = { p50: pct(r.baseline.acks, 50), p99: pct(r.baseline.acks, 99) };
  const hBase = pct(r.healthIdle, 99);
  const rows: Array<[string, string, string, string]> = [];
  const ms = (v: number) => `${v.toFixed(0)} ms`;
  const bursts = [['baseline (no poll)', r.baseline], ['during the first poll', r.during], ['after the poll', r.after]] as const;
  for (const [name, b] of bursts) {
    if (!b) continue;
    rows.push([`ack p50, ${CONCURRENCY} concurrent /privacy latest, ${name}`, ms(pct(b.acks, 50)), '-', (pct(b.acks, 50) / base.p50).toFixed(2)]);
    rows.push([`ack p99, ${name}`, ms(pct(b.acks, 99)), `<= ${ACK_TARGET_MS} ms`, (pct(b.acks, 99) / base.p99).toFixed(2)]);
    rows.push([`ack max, ${name} (${b.within}/${b.acks.length} acked within 3 s, ${b.failed} failed, ${b.answered} answered)`, ms(Math.max(...b.acks)), `<= ${ACK_TARGET_MS} ms`, (Math.max(...b.acks) / base.p99).toFixed(2)]);
  }
  rows.push([`/healthz p99, idle (${r.healthIdle.length} probes)`, ms(hBase), '-', '1.00']);
  const withBurst = r.during ? `, with the burst` : ', no burst';
  rows.push([`/healthz p99 during the ${BULK_ITEMS}-item first poll${withBurst} (${r.healthPoll.length} probes)`, ms(pct(r.healthPoll, 99)), `<= ${HEALTH_TARGET_MS} ms`, (pct(r.healthPoll, 99) / hBase).toFixed(2)]);
  rows.push(['/healthz max during the poll', ms(Math.max(...r.healthPoll)), '-', (Math.max(...r.healthPoll) / hBase).toFixed(2)]);
  rows.push([`first poll wall time (items stored: ${r.stored})`, `${r.pollSeconds.toFixed(1)} s`, '-', '-']);
  rows.push(['bot CPU while the poll ran (poll + the burst in it)', `${r.pollCpu.toFixed(1)} s`, '-', '-']);
  rows.push(['load generator event-loop delay p99 (this process)', ms(driverLag.percentile(99) / 1e6), '-', '-']);
  console.log(`\nload: ${CONCURRENCY} concurrent signed /privacy latest per burst; big title listed in replies: ${r.bigListed ? 'yes' : 'no'}; load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  if (errors.size > 0) console.log(`request errors: ${[...errors].join('; ')}`);
  console.log('| figure | result | target | ratio to baseline |\n|---|---|---|---|');
  for (const row of rows) console.log(`| ${row.join(' | ')} |`);
}

function pct(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

async function waitFor(check: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(200);
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return Promise.race([promise, new Promise<T>((_, reject) => setTimeout(() => reject(new Error('timeout')), ms).unref())]);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

await main();
process.exit(0);
