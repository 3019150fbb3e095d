/**
 * `npm run bench:routing`: routes 1,000 new items to 2,000 channels that each follow 3 topics and
 * have 5 watches and 2 mutes (one source, one query; watch and mute words from the tail of a
 * Zipf-like 3,000-word vocabulary and 300 company names), and, in the same run, the same items to
 * the same channels with their topics only. Measured: the routing decision for the whole batch
 * (src/delivery/route-plan.ts: building the plan once, then asking it per item), which is the
 * part watches and mutes add to; loading the rules is 3 queries per batch and writing the outbox
 * rows is the same for both. Targets: <= 2x topic-only and < 1 s. Median of 5 rounds.
 */
import os from 'node:os';
import type { Destination, Mute, StoredItem, Subscription } from '../src/core/types.js';
import { createRoutePlan, type RoutingRules } from '../src/delivery/route-plan.js';
import { defaultTopics } from '../src/tagging/taxonomy.js';

const ITEMS = 1_000;
const CHANNELS = 2_000;
const ROUNDS = 5;
const TARGET_RATIO = 2;
const TARGET_MS = 1_000;

// Deterministic pseudo-random numbers, so every run routes the same batch.
let seed = 42;
const random = (): number => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;

const topics = defaultTopics().map((topic) => topic.id);
// Headline words follow a Zipf-like curve over 3,000 words (a few very common, a long tail), as
// news text does; people watch names and specific terms (the tail), not "data" or "the".
const VOCABULARY = Array.from({ length: 3_000 }, (_, i) => `w${i}`);
const weights = VOCABULARY.map((_, i) => 1 / (i + 10));
const total = weights.reduce((sum, w) => sum + w, 0);
const cumulative: number[] = [];
weights.reduce((sum, w) => (cumulative.push((sum + w) / total), sum + w), 0);
const textWord = (): string => {
  const r = random();
  let low = 0;
  let high = cumulative.length - 1;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (cumulative[mid]! < r) low = mid + 1;
    else high = mid;
  }
  return VOCABULARY[low]!;
};
const companies = Array.from({ length: 300 }, (_, i) => `company${i}`);
const tail = VOCABULARY.slice(200);
const words = { pick: (): string => pick(tail) };
const feeds = Array.from({ length: 40 }, (_, i) => `feed-${i}`);

const subscriptions: Subscription[] = [];
const watches: RoutingRules['watches'] = [];
const mutes: RoutingRules['mutes'] = [];
for (let c = 0; c < CHANNELS; c++) {
  const destination: Destination = { platform: 'slack', workspaceId: `T${c % 50}`, channelId: `C${c}` };
  const chosen = new Set<string>();
  while (chosen.size < 3) chosen.add(pick(topics));
  subscriptions.push({
    destination, topics: [...chosen], digest: { enabled: false, weekday: 1, time: '09:00', timeZone: 'UTC' },
    status: 'active', pausedReason: null, lastDigestAt: null, createdAt: new Date(0), isAdmin: false, quiet: null,
  });
  const queries = [
    pick(companies), `"${words.pick()} ${words.pick()}"`, `${pick(companies)} -${words.pick()}`,
    `${pick(companies)} OR ${pick(companies)} ${words.pick()}`, `${words.pick()} ${pick(companies)}`,
  ];
  for (const query of queries) watches.push({ destination, query: query.toLowerCase() });
  const sourceMute: Mute = { kind: 'source', feedId: pick(feeds) };
  const queryMute: Mute = { kind: 'query', query: words.pick() };
  mutes.push({ destination, mute: sourceMute }, { destination, mute: queryMute });
}

const items: StoredItem[] = Array.from({ length: ITEMS }, (_, i) => {
  const title = Array.from({ length: 10 }, () => (random() < 0.1 ? pick(companies) : textWord())).join(' ');
  const summary = Array.from({ length: 40 }, () => (random() < 0.03 ? pick(companies) : textWord())).join(' ');
  const itemTopics = random() < 0.3 ? [] : random() < 0.6 ? [pick(topics)] : [pick(topics), pick(topics)];
  return {
    id: i + 1, feedId: pick(feeds), key: `k${i}`, url: null, title, summary, publishedAt: null, firstSeenAt: new Date(0),
    topics: [...new Set(itemTopics)], why: {}, jurisdictions: [], jurisdictionWhy: {}, storyId: null, source: 'Bench',
  };
});

function route(rules: RoutingRules): { ms: number; deliveries: number } {
  const started = process.hrtime.bigint();
  const plan = createRoutePlan(rules);
  let deliveries = 0;
  for (const item of items) deliveries += plan.deliveries(item).length;
  return { ms: Number(process.hrtime.bigint() - started) / 1e6, deliveries };
}

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const full: RoutingRules = { subscriptions, watches, mutes, owners: new Map() };
const topicOnly: RoutingRules = { subscriptions, watches: [], mutes: [], owners: new Map() };
route(full);
route(topicOnly); // warm-up
const fullRuns: number[] = [];
const topicRuns: number[] = [];
let fullDeliveries = 0;
let topicDeliveries = 0;
for (let round = 0; round < ROUNDS; round++) {
  const t = route(topicOnly);
  const f = route(full);
  topicRuns.push(t.ms);
  fullRuns.push(f.ms);
  topicDeliveries = t.deliveries;
  fullDeliveries = f.deliveries;
}
const fullMs = median(fullRuns);
const topicMs = median(topicRuns);
const ratio = fullMs / topicMs;
const rows = [
  ['figure', 'result', 'target', 'met'],
  ['topic-only routing (ms)', topicMs.toFixed(1), '', ''],
  ['with watches and mutes (ms)', fullMs.toFixed(1), `< ${TARGET_MS}`, fullMs < TARGET_MS ? 'yes' : 'no'],
  ['ratio to topic-only', ratio.toFixed(2), `<= ${TARGET_RATIO}`, ratio <= TARGET_RATIO ? 'yes' : 'no'],
  ['deliveries topic-only / full', `${topicDeliveries} / ${fullDeliveries}`, '', ''],
];
const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
console.log(`bench:routing: ${ITEMS} items x ${CHANNELS} channels (3 topics, 5 watches, 2 mutes each; ${new Set(watches.map((w) => w.query)).size} distinct watch queries); median of ${ROUNDS}`);
for (const row of rows) console.log(row.map((cell, column) => cell.padEnd(widths[column]!)).join('  '));
console.log(`node ${process.version}, ${os.cpus().length} x ${os.cpus()[0]?.model ?? 'cpu'}, load average ${os.loadavg().map((n) => n.toFixed(1)).join(' ')}`);
if (fullMs >= TARGET_MS || ratio > TARGET_RATIO) process.exitCode = 1;
