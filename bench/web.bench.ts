/**
 * Web page benchmark (`npm run bench:web`): 100,000 stored items in a SQLite temp file, a third
 * of them in multi-source stories, served by the real web routes on the bot's HTTP server.
 * Requests `/` (and `/?topic=ai`, page 2, `/topics`) one at a time over loopback, interleaved with
 * `/healthz` as the same-run baseline, and prints p50/p99 per route, the ratio to /healthz and
 * the bytes of `/`. Bounded; stops by itself.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { systemClock } from '../src/core/clock.js';
import { createSilentLogger } from '../src/core/logger.js';
import type { TaggedItem } from '../src/core/types.js';
import { createHealthRoutes } from '../src/server/health-routes.js';
import { startHttpServer } from '../src/server/http-server.js';
import { createMetrics } from '../src/server/metrics.js';
import { createStore } from '../src/store/create-store.js';
import type { Store } from '../src/store/store.js';
import { defaultTopics } from '../src/tagging/taxonomy.js';
import { createWebRoutes } from '../src/web/web-routes.js';

const ITEMS = Number(process.env.BENCH_ITEMS ?? 100_000);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 400);
const TARGET_P99_MS = 50;
const TOPICS = ['ai', 'gdpr', 'breach', 'lawsuit', 'biometrics', 'children', 'health', 'adtech', 'surveillance', 'enforcement'];
const WORDS = 'privacy data regulator fine breach court ruling biometric facial recognition surveillance tracking consent advertising broker children health employer leak encryption model training chatbot algorithm transfer investigation settlement penalty law bill guidance'.split(' ');

async function seed(store: Store): Promise<void> {
  let state = 7;
  const random = () => ((state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const sentence = (n: number) => Array.from({ length: n }, () => pick(WORDS)).join(' ');
  const start = Date.now() - 120 * 86_400_000;
  const step = (120 * 86_400_000) / ITEMS;
  const BATCH = 500;
  for (let offset = 0; offset < ITEMS; offset += BATCH) {
    const items: TaggedItem[] = [];
    for (let n = 0; n < BATCH && offset + n < ITEMS; n++) {
      const topics = [...new Set([random() < 0.2 ? 'ai' : pick(TOPICS), pick(TOPICS)])];
      items.push({
        key: `k-${offset + n}`, url: `https://news.example/${offset + n}`, title: sentence(9), description: '', content: '',
        publishedAt: new Date(start + (offset + n) * step), summary: sentence(35), topics, why: Object.fromEntries(topics.map((t) => [t, [t, sentence(1)]])),
      });
    }
    const stored = await store.items.insertNew(`feed-${(offset / BATCH) % 20}`, items, new Date(start + offset * step));
    // Every third item starts a story the next two items (other feeds in real life) join.
    for (let n = 0; n + 2 < stored.length; n += 9) await store.items.setStory([stored[n]!.id, stored[n + 1]!.id, stored[n + 2]!.id], stored[n]!.id);
  }
}

function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-web-'));
  const store = createStore(join(dir, 'bench.db'));
  try {
    await store.migrate();
    await store.feeds.syncConfig(Array.from({ length: 20 }, (_, i) => ({ id: `feed-${i}`, url: `https://feed${i}.example/rss`, name: `Feed ${i}` })));
    const seeded = Date.now();
    await seed(store);
    console.log(`seeded ${ITEMS} items in ${((Date.now() - seeded) / 1000).toFixed(1)} s`);
    const context = { store, topics: defaultTopics(), clock: systemClock, timeZone: 'UTC' };
    const server = await startHttpServer({ port: 0, host: '127.0.0.1', routes: [...createHealthRoutes(store, createMetrics(), { mode: 'public' }), ...createWebRoutes(context, { mode: 'public' })], logger: createSilentLogger() });
    const base = `http://127.0.0.1:${server.port}`;
    const home = await (await fetch(`${base}/`)).text();
    const next = /<a href="([^"]+)" rel="next">/.exec(home)?.[1]?.replace(/&amp;/g, '&') ?? '/';
    // /topics counts twelve weeks of topic rows once a minute; the first request pays for it.
    const topicsStarted = performance.now();
    await (await fetch(`${base}/topics`)).arrayBuffer();
    const topicsFirst = performance.now() - topicsStarted;
    const routes = ['/healthz', '/', '/?topic=ai', next, '/topics'];
    const samples = new Map(routes.map((route) => [route, [] as number[]]));
    const time = async (route: string) => {
      const started = performance.now();
      const response = await fetch(base + route);
      await response.arrayBuffer();
      if (response.status !== 200) throw new Error(`${route}: HTTP ${response.status}`);
      return performance.now() - started;
    };
    for (let n = 0; n < 30; n++) for (const route of routes) await time(route);
    for (let n = 0; n < REQUESTS; n++) {
      for (const route of routes) {
        samples.get(route)!.push(await time(route));
      }
    }
    // CPU time per request (client and server share this process): unlike wall-clock p99 on a
    // busy 2-core machine, it does not count the time spent waiting for a core.
    const cpu = new Map<string, number>();
    for (const route of ['/healthz', '/']) {
      const before = process.cpuUsage();
      for (let n = 0; n < 200; n++) await time(route);
      const used = process.cpuUsage(before);
      cpu.set(route, (used.user + used.system) / 1000 / 200);
    }
    await server.close();
    const baseline = percentile(samples.get('/healthz')!, 99);
    console.log(`\nweb pages, ${ITEMS} items, ${REQUESTS} sequential requests per route (interleaved), load ${loadavg()[0]!.toFixed(1)}`);
    console.log('| route | p50 ms | p99 ms | target | ratio to /healthz p99 |');
    console.log('|---|---|---|---|---|');
    for (const route of routes) {
      const list = samples.get(route)!;
      const label = route === next ? '/?before=… (page 2)' : route;
      const target = route === '/' ? `<= ${TARGET_P99_MS} ms` : '';
      console.log(`| ${label} | ${percentile(list, 50).toFixed(2)} | ${percentile(list, 99).toFixed(2)} | ${target} | ${(percentile(list, 99) / baseline).toFixed(1)} |`);
    }
    console.log(`\nCPU per request: / ${cpu.get('/')!.toFixed(2)} ms, /healthz ${cpu.get('/healthz')!.toFixed(2)} ms (ratio ${(cpu.get('/')! / cpu.get('/healthz')!).toFixed(1)})`);
    console.log(`/topics first request (counts computed): ${topicsFirst.toFixed(1)} ms; later ones reuse the counts for a minute`);
    console.log(`/ is ${Buffer.byteLength(home)} bytes (target: under 100 KB with its stylesheet)`);
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
