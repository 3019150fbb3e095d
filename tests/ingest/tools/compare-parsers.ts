/**
 * One-off measurement behind the parser choice in docs/ingestion.md: runs rss-parser's
 * parseString and feedsmith's parseFeed over every corpus file (decoded by our charset layer,
 * cleaned by prepareXml) and prints items found, empty-title items, dates and time.
 * Run: npx tsx tests/ingest/tools/compare-parsers.ts
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseFeed as feedsmithParse } from 'feedsmith';
import RssParser from 'rss-parser';
import { decodeBody } from '../../../src/ingest/http/decode-charset.js';
import { mapFeedsmith } from '../../../src/ingest/parse/map-feedsmith.js';
import { prepareXml } from '../../../src/ingest/parse/prepare-xml.js';

const dir = join(import.meta.dirname, '../../fixtures/feeds');
const files = readdirSync(dir).filter((f) => f !== 'SOURCES.md').sort();
const rss = new RssParser();

interface Row { items: number; dated: number; error: string | null; ms: number }

async function runRss(text: string): Promise<Row> {
  const t = performance.now();
  try {
    const feed = await rss.parseString(text);
    const items = feed.items ?? [];
    return { items: items.length, dated: items.filter((i) => i.isoDate).length, error: null, ms: performance.now() - t };
  } catch (err) {
    return { items: 0, dated: 0, error: String((err as Error).message).slice(0, 40), ms: performance.now() - t };
  }
}

function runFeedsmith(text: string): Row {
  const t = performance.now();
  try {
    const { format, feed } = feedsmithParse(text) as { format: 'rss' | 'atom' | 'rdf' | 'json'; feed: Record<string, unknown> };
    if (format === 'json') {
      const items = (feed.items ?? []) as Array<Record<string, unknown>>;
      return { items: items.length, dated: items.filter((i) => i.date_published).length, error: null, ms: performance.now() - t };
    }
    const raw = mapFeedsmith(format, feed).items;
    return { items: raw.length, dated: raw.filter((i) => i.date && !Number.isNaN(Date.parse(i.date))).length, error: null, ms: performance.now() - t };
  } catch (err) {
    return { items: 0, dated: 0, error: String((err as Error).message).slice(0, 40), ms: performance.now() - t };
  }
}

let bytes = 0;
const totals = { rss: { files: 0, ms: 0, items: 0, dated: 0 }, fs: { files: 0, ms: 0, items: 0, dated: 0 } };
console.log('file | rss-parser items/dated | feedsmith items/dated');
for (const file of files) {
  const text = prepareXml(decodeBody(readFileSync(join(dir, file))).text);
  bytes += text.length;
  const a = await runRss(text);
  const b = runFeedsmith(text);
  totals.rss.ms += a.ms; totals.fs.ms += b.ms;
  if (a.items > 0) totals.rss.files++;
  if (b.items > 0) totals.fs.files++;
  totals.rss.items += a.items; totals.rss.dated += a.dated;
  totals.fs.items += b.items; totals.fs.dated += b.dated;
  console.log(`${file} | ${a.error ?? `${a.items}/${a.dated}`} | ${b.error ?? `${b.items}/${b.dated}`}`);
}
// Speed: 20 passes over the whole corpus each, after the warm-up above.
for (const [name, fn] of [['rss-parser', (t: string) => rss.parseString(t)], ['feedsmith', (t: string) => feedsmithParse(t)]] as const) {
  const texts = files.map((f) => prepareXml(decodeBody(readFileSync(join(dir, f))).text));
  const t = performance.now();
  for (let i = 0; i < 20; i++) for (const text of texts) { try { await fn(text); } catch { /* counted above */ } }
  const s = (performance.now() - t) / 1000;
  console.log(`${name}: ${((bytes * 20) / 1e6 / s).toFixed(1)} MB/s`);
}
console.log(`files with items: rss-parser ${totals.rss.files}, feedsmith ${totals.fs.files} of ${files.length}`);
console.log(`items: rss-parser ${totals.rss.items} (${totals.rss.dated} with a parsable date), feedsmith ${totals.fs.items} (${totals.fs.dated})`);
