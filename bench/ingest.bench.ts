/**
 * Ingestion benchmark (targets in BENCHMARKS.md): 1,000 generated feeds x 50 items (mixed RSS 2.0 / Atom, news-
 * sized items) served on loopback by a child process, polled by the real poller into a real
 * SQLite store. Reports cold cycle (all new), warm cycle (all 304), items/s, peak RSS and the
 * ratio of whole-pipeline time to bare parse time (feedsmith on the same bytes, same run).
 * Run: npx tsx bench/ingest.bench.ts [--feeds N]
 */
import { fork } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { cpus, loadavg } from 'node:os';
import { parseFeed as feedsmithParse } from 'feedsmith';
import { createManualClock } from '../src/core/clock.js';
import { createSilentLogger } from '../src/core/logger.js';
import { parseFeed } from '../src/ingest/parse/parse-feed.js';
import { createPoller } from '../src/ingest/poller.js';
import { createStore } from '../src/store/create-store.js';

const ITEMS = 50;
const HOSTS = 100; // feeds spread over 100 host names, as in real life (2 requests per host max)
const WORDS = 'privacy regulator data protection fine breach biometric consent tracking cookie lawsuit court ruling agency transfer adequacy children surveillance facial recognition model training dataset encryption'.split(' ');

function words(seed: number, count: number): string {
  let out = '';
  for (let i = 0; i < count; i++) out += `${WORDS[(seed * 31 + i * 17) % WORDS.length]} `;
  return out.trim();
}

/**
 * Feed n as served: deterministic, half RSS 2.0 and half Atom. Every item has a title, link, id,
 * date, author and a ~500-byte HTML summary; one feed in three also carries full content
 * (~1.2 KB), like WordPress feeds. About 60 KB per feed on average.
 */
export function generateFeed(n: number): string {
  const atom = n % 2 === 1;
  const items: string[] = [];
  for (let i = 0; i < ITEMS; i++) {
    const id = `https://news${n % HOSTS}.example/${n}/article-${i}`;
    const title = `${words(n + i, 9)} (${n}-${i})`;
    const summary = `<p>${words(n * 7 + i, 60)}</p><p><a href="${id}">Read more</a></p>`;
    const content = n % 3 === 0 ? `<p>${words(n * 13 + i, 120)}</p><p>${words(i, 40)}</p>` : '';
    const date = new Date(Date.UTC(2026, 0, 5, 8, 0, 0) - i * 3_600_000);
    items.push(
      atom
        ? `<entry><id>${id}</id><title type="html">${title}</title><link href="${id}?utm_source=rss"/><updated>${date.toISOString()}</updated><author><name>Reporter ${i}</name></author><summary type="html"><![CDATA[${summary}]]></summary>${content ? `<content type="html"><![CDATA[${content}]]></content>` : ''}</entry>`
        : `<item><title>${title}</title><link>${id}?utm_source=rss</link><guid isPermaLink="true">${id}</guid><pubDate>${date.toUTCString()}</pubDate><dc:creator>Reporter ${i}</dc:creator><description><![CDATA[${summary}]]></description>${content ? `<content:encoded><![CDATA[${content}]]></content:encoded>` : ''}</item>`,
    );
  }
  return atom
    ? `<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Feed ${n}</title><id>urn:feed:${n}</id><link href="https://news${n % HOSTS}.example/"/><updated>2026-01-05T08:00:00Z</updated>${items.join('')}</feed>`
    : `<?xml version="1.0" encoding="utf-8"?><rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Feed ${n}</title><link>https://news${n % HOSTS}.example/</link><description>d</description>${items.join('')}</channel></rss>`;
}

const cpuMs = (usage: NodeJS.CpuUsage): number => (usage.user + usage.system) / 1000;

/** Child-process mode: serve the generated feeds with ETag and 304s. */
function serve(count: number): void {
  const bodies = Array.from({ length: count }, (_, n) => Buffer.from(generateFeed(n)));
  const etags = bodies.map((b) => `"${createHash('sha1').update(b).digest('hex').slice(0, 16)}"`);
  const server = createServer((req, res) => {
    const n = Number((req.url ?? '').split('/')[2]);
    const body = bodies[n];
    if (!body) return void res.writeHead(404).end();
    if (req.headers['if-none-match'] === etags[n]) return void res.writeHead(304, { etag: etags[n] }).end();
    res.writeHead(200, { 'content-type': 'application/rss+xml', etag: etags[n], 'content-length': body.length }).end(body);
  });
  server.listen(0, '127.0.0.1', () => process.send?.({ port: (server.address() as AddressInfo).port }));
  process.on('disconnect', () => process.exit(0));
}

async function run(count: number): Promise<void> {
  const child = fork(import.meta.filename, ['--serve', String(count)], { execArgv: process.execArgv });
  const port = await new Promise<number>((resolve) => child.once('message', (m: { port: number }) => resolve(m.port)));
  const store = createStore(':memory:');
  await store.migrate();
  await store.feeds.syncConfig(Array.from({ length: count }, (_, n) => ({ id: `feed-${n}`, url: `http://news${n % HOSTS}.bench.test:${port}/feed/${n}` })));
  const poller = createPoller({
    store,
    clock: createManualClock(),
    logger: createSilentLogger(),
    // Every bench host name resolves to loopback, which the guard lets through only for this range.
    fetchOptions: { allowedAddressRanges: ['127.0.0.0/8'], lookup: (_h, _o, cb) => cb(null, [{ address: '127.0.0.1', family: 4 }]) },
    concurrency: 16,
    // Tagging has its own benchmark (bench:tagging): this one measures fetch, parse and store.
    tagger: { topics: [], tag: () => ({ topics: [], why: {}, jurisdictions: [], jurisdictionWhy: {} }) },
  });

  let t = performance.now();
  let cpu = process.cpuUsage();
  const cold = await poller.pollOnce();
  const coldMs = performance.now() - t;
  const coldCpuMs = cpuMs(process.cpuUsage(cpu));
  t = performance.now();
  cpu = process.cpuUsage();
  const warm = await poller.pollOnce();
  const warmMs = performance.now() - t;
  const warmCpuMs = cpuMs(process.cpuUsage(cpu));
  const peakRssMb = process.resourceUsage().maxRSS / 1024;
  await poller.close?.();
  child.disconnect();

  // Bare parse of the same bytes, same process: feedsmith alone, no fetch, normalise or store.
  const bodies = Array.from({ length: count }, (_, n) => generateFeed(n));
  const bytes = bodies.reduce((sum, b) => sum + Buffer.byteLength(b), 0);
  t = performance.now();
  cpu = process.cpuUsage();
  for (const body of bodies) feedsmithParse(body);
  const parseMs = performance.now() - t;
  const parseCpuMs = cpuMs(process.cpuUsage(cpu));
  // The same bytes through our parse stage (parser + normalisation), for the breakdown.
  cpu = process.cpuUsage();
  for (const body of bodies) parseFeed(body, 'https://news.example/feed');
  const stageCpuMs = cpuMs(process.cpuUsage(cpu));

  const unexpected = [
    ...cold.feeds.filter((f) => f.status !== 'ok').map((f) => `cold ${f.id}: ${f.status} ${f.error?.kind ?? ''} ${f.error?.message ?? ''}`),
    ...warm.feeds.filter((f) => f.status !== 'not_modified').map((f) => `warm ${f.id}: ${f.status} ${f.error?.kind ?? ''} ${f.error?.message ?? ''}`),
  ];
  const failed = unexpected.length;
  const stored = await store.items.count();
  await store.close();
  const scale = count / 1000; // targets are for 1,000 feeds
  const rows: Array<[string, string, string, string]> = [
    ['cold cycle (all new)', `${(coldMs / 1000).toFixed(2)} s`, `<= ${(12 * scale).toFixed(1)} s`, `${(coldMs / (12_000 * scale)).toFixed(2)}`],
    ['warm cycle (all 304)', `${(warmMs / 1000).toFixed(2)} s`, `<= ${(2 * scale).toFixed(1)} s`, `${(warmMs / (2_000 * scale)).toFixed(2)}`],
    ['items/s (cold)', `${Math.round(stored / (coldMs / 1000))}`, `>= ${Math.round((count * ITEMS) / (12 * scale))}`, '-'],
    ['peak RSS', `${peakRssMb.toFixed(0)} MB`, '<= 300 MB', `${(peakRssMb / 300).toFixed(2)}`],
    ['bare parse (baseline, feedsmith only)', `${(parseMs / 1000).toFixed(2)} s`, '-', `${(bytes / 1e6 / (parseMs / 1000)).toFixed(1)} MB/s`],
    ['pipeline / parse (wall)', `${(coldMs / parseMs).toFixed(2)}`, '<= 1.5', `${(coldMs / parseMs / 1.5).toFixed(2)}`],
    ['cold cycle CPU (this process)', `${(coldCpuMs / 1000).toFixed(2)} s`, '-', '-'],
    ['warm cycle CPU (this process)', `${(warmCpuMs / 1000).toFixed(2)} s`, `<= ${(1 * scale).toFixed(1)} s`, `${(warmCpuMs / (1_000 * scale)).toFixed(2)}`],
    ['bare parse CPU', `${(parseCpuMs / 1000).toFixed(2)} s`, '-', '-'],
    ['parse stage CPU (feedsmith + normalise)', `${(stageCpuMs / 1000).toFixed(2)} s`, '-', `${(stageCpuMs / parseCpuMs).toFixed(2)}x bare`],
    ['pipeline / parse (CPU)', `${(coldCpuMs / parseCpuMs).toFixed(2)}`, '<= 2.0', `${(coldCpuMs / parseCpuMs / 2).toFixed(2)}`],
  ];
  console.log(`machine load average ${loadavg().map((l) => l.toFixed(1)).join(' ')} on ${cpus().length} cores`);
  console.log(`ingest bench: ${count} feeds x ${ITEMS} items, ${(bytes / 1e6).toFixed(1)} MB, ${stored} items stored, ${failed} unexpected statuses`);
  for (const line of unexpected.slice(0, 10)) console.log(`  unexpected: ${line.trim()}`);
  console.log('| figure | value | target | ratio |\n|---|---|---|---|');
  for (const row of rows) console.log(`| ${row.join(' | ')} |`);
}

const args = process.argv.slice(2);
if (args[0] === '--serve') serve(Number(args[1]));
else if (import.meta.filename === process.argv[1]) await run(args[0] === '--feeds' ? Number(args[1]) : 1000);
