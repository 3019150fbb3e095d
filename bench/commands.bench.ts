/**
 * Slash-command benchmark (`npm run bench:commands`): 100,000 stored items (SQLite temp file),
 * the real command core and Slack adapter on the bot's HTTP server, and rounds of 50 concurrent
 * Slack-signed `/privacy latest ai` requests over loopback. Reports p50/p99 time to the HTTP ack
 * and to the response_url post, against a bare Bolt app (constant ack + constant response_url
 * post) measured in the same run, interleaved. Then the 2,000-channel fan-out through the real
 * dispatcher against the fake Web API (1 msg/s per channel, 429s). Bounded; stops by itself.
 */
import { fork } from 'node:child_process';
import { createTestActions } from '../tests/slack/test-actions.js';
import { createServer, type Server } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { App, HTTPReceiver } from '@slack/bolt';
import { createCommandHandler } from '../src/commands/create-command-handler.js';
import { systemClock } from '../src/core/clock.js';
import { createSilentLogger } from '../src/core/logger.js';
import type { TaggedItem } from '../src/core/types.js';
import { startHttpServer } from '../src/server/http-server.js';
import { createStore } from '../src/store/create-store.js';
import { defaultTopics } from '../src/tagging/taxonomy.js';
import { createSlackAdapter } from '../adapters/slack/create-slack-adapter.js';
import { startFakeSlackApi, type FakeSlackApi } from '../tests/slack/fake-slack-api.js';
import { runFanOut } from '../tests/slack/fan-out.js';
import { commandBody, FORM, postSigned, SIGNING_SECRET } from '../tests/slack/slack-request.js';

const ITEMS = Number(process.env.BENCH_ITEMS ?? 100_000);
const CONCURRENCY = 50;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 6);
const SEQUENTIAL = 40;
const FANOUT_CHANNELS = Number(process.env.BENCH_FANOUT ?? 2000);
const TOPICS = ['ai', 'gdpr', 'breach', 'lawsuit', 'biometrics', 'children', 'health', 'adtech', 'surveillance', 'enforcement'];
const WORDS = 'privacy data regulator fine breach court ruling biometric facial recognition surveillance tracking consent advertising broker children health employer leak encryption model training chatbot algorithm transfer investigation settlement penalty law bill guidance'.split(' ');

interface Samples {
  ack: number[];
  response: number[];
}

const logger = createSilentLogger();

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-commands-'));
  const store = createStore(join(dir, 'bench.db'));
  const api = await startFakeSlackApi();
  const servers: Array<() => Promise<void>> = [];
  try {
    await store.migrate();
    await store.feeds.syncConfig(Array.from({ length: 20 }, (_, i) => ({ id: `feed-${i}`, url: `https://feed${i}.example/rss`, name: `Feed ${i}` })));
    const loadStart = Date.now();
    await seedItems(store);
    console.log(`seeded ${ITEMS} items in ${((Date.now() - loadStart) / 1000).toFixed(1)} s`);

    const commandHandler = createCommandHandler({ store, clock: systemClock, logger, topics: defaultTopics(), digestDefaults: { enabled: true, weekday: 1, time: '09:00', timeZone: 'UTC' } });
    const adapter = createSlackAdapter({
      env: { signingSecret: SIGNING_SECRET, botToken: 'xoxb-test', adminOnly: false, tokensEncrypted: false, apiUrl: api.apiUrl },
      commandHandler, actions: createTestActions(store), store, logger, clock: systemClock,
    });
    await adapter.start();
    const ours = await startHttpServer({ port: 0, host: '127.0.0.1', routes: adapter.routes, logger });
    servers.push(() => ours.close());
    const bare = await startBareBolt(api);
    servers.push(bare.close);

    const targets = { ours: `http://127.0.0.1:${ours.port}`, bare: bare.url };
    // Slack's side (signed requests out, response_url posts in) runs in its own process, so the
    // load generator does not compete with the bot for the bot's event loop.
    const client = await forkLoadClient();
    servers.push(client.close);
    await client.round(targets.ours, 10, 'warm');
    await client.round(targets.bare, 10, 'warm');
    const results: Record<'ours' | 'bare', Samples> = { ours: { ack: [], response: [] }, bare: { ack: [], response: [] } };
    for (let r = 0; r < ROUNDS; r++) {
      // Interleave so machine noise (2 shared cores) hits both alike.
      for (const name of ['ours', 'bare'] as const) {
        const s = await client.round(targets[name], CONCURRENCY, `${name}-${r}`);
        results[name].ack.push(...s.ack);
        results[name].response.push(...s.response);
      }
    }
    report(results);

    // One request at a time: the per-request floor without queueing behind 49 others.
    const sequential: Record<'ours' | 'bare', Samples> = { ours: { ack: [], response: [] }, bare: { ack: [], response: [] } };
    for (let n = 0; n < SEQUENTIAL; n++) {
      for (const name of ['ours', 'bare'] as const) {
        const s = await client.round(targets[name], 1, `${name}-seq-${n}`);
        sequential[name].ack.push(...s.ack);
        sequential[name].response.push(...s.response);
      }
    }
    report(sequential, `${SEQUENTIAL} sequential signed "/privacy latest ai" (concurrency 1)`);

    const fan = await runFanOut(FANOUT_CHANNELS, 10);
    const exactlyOnce = fan.perChannel.size === FANOUT_CHANNELS && [...fan.perChannel.values()].every((n) => n === 1);
    console.log(`\nfan-out: ${FANOUT_CHANNELS} channels, one item, fake API at 1 msg/s/channel with ${fan.rateLimited} x 429 (Retry-After 1 s)`);
    console.log(`  delivered exactly once: ${exactlyOnce ? 'yes' : 'NO'} (${fan.perChannel.size} channels, ${fan.unfinished} unfinished), ${fan.passes} dispatcher passes, ${(fan.wallMs / 1000).toFixed(1)} s wall, ${(fan.simulatedMs / 1000).toFixed(1)} s on the dispatcher clock`);
  } finally {
    for (const close of servers) await close();
    await api.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

interface LoadClient {
  round(baseUrl: string, n: number, tag: string): Promise<Samples>;
  close(): Promise<void>;
}

/** Forks this script as the load client (`--load-client`) and talks to it over IPC. */
async function forkLoadClient(): Promise<LoadClient> {
  const child = fork(fileURLToPath(import.meta.url), ['--load-client'], { execArgv: process.execArgv, stdio: 'inherit' });
  const pending = new Map<string, (samples: Samples) => void>();
  child.on('message', (message: { tag: string; samples: Samples }) => pending.get(message.tag)?.(message.samples));
  await new Promise<void>((resolve) => child.once('message', () => resolve()));
  return {
    round: (baseUrl, n, tag) =>
      new Promise((resolve) => {
        pending.set(tag, resolve);
        child.send({ baseUrl, n, tag });
      }),
    close: async () => {
      child.kill();
    },
  };
}

/** The load client process: a response_url server plus the request generator. */
async function runLoadClient(): Promise<void> {
  const api = await startFakeSlackApi();
  process.on('message', (message: { baseUrl: string; n: number; tag: string }) => {
    void round(api, message.baseUrl, message.n, message.tag).then((samples) => process.send?.({ tag: message.tag, samples }));
  });
  process.on('disconnect', () => void api.close().then(() => process.exit(0)));
  process.send?.({ tag: 'ready' });
}

/** Fires `n` concurrent signed commands; returns ack and response_url latencies (ms). */
async function round(api: FakeSlackApi, baseUrl: string, n: number, tag: string): Promise<Samples> {
  const ack: number[] = [];
  const starts = new Map<string, number>();
  const before = api.responses.length;
  await Promise.all(
    Array.from({ length: n }, async (_, i) => {
      const id = `${tag}-${i}`;
      const body = commandBody({ text: 'latest ai', responseUrl: api.responseUrl(id), channelId: `C${i}`, userId: `U${i}` });
      const start = performance.now();
      starts.set(id, start);
      const res = await postSigned(baseUrl, body, FORM);
      await res.arrayBuffer();
      if (res.status !== 200) throw new Error(`${tag}: HTTP ${res.status}`);
      ack.push(performance.now() - start);
    }),
  );
  await api.waitForResponses(before + n, 30_000);
  const response = api.responses.slice(before).filter((r) => starts.has(r.id)).map((r) => r.at - (starts.get(r.id) as number));
  if (response.length !== n) throw new Error(`${tag}: ${response.length}/${n} responses`);
  return { ack, response };
}

/** The baseline: Bolt's own HTTPReceiver, constant ack, constant response_url post. */
async function startBareBolt(api: FakeSlackApi): Promise<{ url: string; close: () => Promise<void> }> {
  void api;
  const receiver = new HTTPReceiver({ signingSecret: SIGNING_SECRET, processBeforeResponse: false });
  const app = new App({ receiver, authorize: async () => ({ botToken: 'xoxb-test', botId: 'B1', botUserId: 'UBOT' }) });
  app.command(/.*/, async ({ ack, respond }) => {
    await ack();
    await respond({ response_type: 'ephemeral', text: 'constant' });
  });
  const server: Server = createServer((req, res) => receiver.requestListener(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    }),
  };
}

async function seedItems(store: ReturnType<typeof createStore>): Promise<void> {
  let seed = 42;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const sentence = (n: number) => Array.from({ length: n }, () => pick(WORDS)).join(' ');
  const start = Date.now() - 365 * 86_400_000;
  const BATCH = 1000;
  for (let offset = 0; offset < ITEMS; offset += BATCH) {
    const items: TaggedItem[] = [];
    for (let n = 0; n < BATCH && offset + n < ITEMS; n++) {
      const index = offset + n;
      const topics = [...new Set([random() < 0.2 ? 'ai' : pick(TOPICS), pick(TOPICS)])];
      items.push({
        key: `k-${index}`, url: `https://news.example/${index}`, title: sentence(8), description: '', content: '',
        publishedAt: new Date(start + index * 300_000), summary: sentence(30), topics,
        why: Object.fromEntries(topics.map((t) => [t, [t]])),
      });
    }
    await store.items.insertNew(`feed-${(offset / BATCH) % 20}`, items, new Date(start + offset * 300_000));
  }
}

function percentile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] as number;
}

function report(results: Record<'ours' | 'bare', Samples>, title = `${ROUNDS} rounds x ${CONCURRENCY} concurrent signed "/privacy latest ai"`): void {
  const row = (figure: string, target: string, value: number, base: number) =>
    console.log(`${figure.padEnd(34)} ${target.padEnd(22)} ${value.toFixed(1).padStart(8)} ms ${base.toFixed(1).padStart(10)} ms ${(value / base).toFixed(2).padStart(7)}x`);
  console.log(`\n${title}, ${ITEMS} items; baseline = bare Bolt app (constant ack); load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  console.log(`${'figure'.padEnd(34)} ${'target'.padEnd(22)} ${'value'.padStart(11)} ${'baseline'.padStart(13)} ${'ratio'.padStart(8)}`);
  for (const q of [0.5, 0.99]) {
    const label = q === 0.5 ? 'p50' : 'p99';
    row(`ack ${label}`, q === 0.99 ? '<= 100 ms, <= 2x bare' : '', percentile(results.ours.ack, q), percentile(results.bare.ack, q));
    row(`response_url post ${label}`, q === 0.99 ? '<= 300 ms' : '', percentile(results.ours.response, q), percentile(results.bare.response, q));
  }
}

(process.argv.includes('--load-client') ? runLoadClient() : main()).catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
