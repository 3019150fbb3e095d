/**
 * `npm run bench:tagging`: tags 100,000 items and compares with a plain union-regex keyword
 * matcher over the same phrases in the same run. Targets (issue 5): >= 20,000 items/s on one
 * core, ratio to the baseline <= 3. Items are the labelled dev set cycled (real titles and leads).
 */
import { readFileSync } from 'node:fs';
import { expandPhrase } from '../src/tagging/expand-phrase.js';
import { parseLabelledItems } from '../src/tagging/labelled-items.js';
import { createTagger } from '../src/tagging/tagger.js';
import { defaultTopics } from '../src/tagging/taxonomy.js';
import { defaultVocabulary } from '../src/tagging/vocabulary.js';

const ITEMS = 100_000;
const TARGET_RATE = 20_000;
const TARGET_RATIO = 3;

const parsed = parseLabelledItems(readFileSync(new URL('../tests/fixtures/tagging-dev.jsonl', import.meta.url), 'utf8'));
if (!parsed.ok) throw new Error(parsed.error);
const source = parsed.items.map(({ title, description }) => ({ title, description: description ?? '' }));
const items = Array.from({ length: ITEMS }, (_, i) => source[i % source.length]!);

const topics = defaultTopics();
const phrases = new Set<string>();
for (const t of topics) {
  for (const p of [...t.phrases, ...t.exclude, ...t.rules.flatMap((r) => [...r.all.flat(), ...(r.none ?? [])])]) phrases.add(p);
}
for (const p of [...defaultVocabulary.scope, ...defaultVocabulary.scopeExclude, ...Object.values(defaultVocabulary.jurisdictions).flat()]) phrases.add(p);
const variants = [...new Set([...phrases].flatMap(expandPhrase).map((p) => p.replace(/^=/, '')))];
const escaped = variants.sort((a, b) => b.length - a.length).map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
const union = new RegExp(`\\b(?:${escaped.join('|')})\\b`, 'gi');

function runBaseline(): number {
  let found = 0;
  for (const item of items) {
    const text = `${item.title}\n${item.description}`;
    const matches = text.match(union);
    found += matches ? matches.length : 0;
  }
  return found;
}

const tagger = createTagger(topics);
function runTagger(): number {
  let found = 0;
  for (const item of items) found += tagger.tag(item).topics.length;
  return found;
}

function time(run: () => number): number {
  const start = process.hrtime.bigint();
  run();
  return Number(process.hrtime.bigint() - start) / 1e9;
}

// Warm up both (JIT), then measure each twice, interleaved, and keep the best run.
for (let i = 0; i < 2_000; i++) tagger.tag(items[i]!);
union.lastIndex = 0;
`${items[0]!.title}`.match(union);
const baseline = Math.min(time(runBaseline), time(runBaseline));
const tagging = Math.min(time(runTagger), time(runTagger));
const rate = ITEMS / tagging;
const baseRate = ITEMS / baseline;
const ratio = tagging / baseline;

const rows = [
  ['figure', 'value', 'target', 'result'],
  ['items tagged', String(ITEMS), '100000', ''],
  ['distinct phrases (baseline regex)', String(variants.length), '', ''],
  ['tagger items/s', Math.round(rate).toLocaleString('en-US'), `>= ${TARGET_RATE.toLocaleString('en-US')}`, rate >= TARGET_RATE ? 'ok' : 'MISSED'],
  ['union-regex baseline items/s', Math.round(baseRate).toLocaleString('en-US'), '', ''],
  ['time ratio tagger/baseline', ratio.toFixed(2), `<= ${TARGET_RATIO}`, ratio <= TARGET_RATIO ? 'ok' : 'MISSED'],
];
const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
for (const r of rows) process.stdout.write(`${r.map((cell, c) => cell.padEnd(widths[c]!)).join('  ')}\n`);
process.stdout.write(`node ${process.version}, ${new Date().toISOString()}\n`);
