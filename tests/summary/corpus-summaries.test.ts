import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeBody } from '../../src/ingest/http/decode-charset.js';
import { parseFeed } from '../../src/ingest/parse/parse-feed.js';
import { cleanSummarySource, summarize } from '../../src/summary/summarize.js';
import { summaryViolations } from './summary-rules.js';

const dir = new URL('../fixtures/feeds/', import.meta.url);
const files = readdirSync(dir).filter((f) => !f.endsWith('.md')).sort();

describe('summaries of every item in the fixture corpus', () => {
  it('has a corpus to check', () => {
    expect(files.length).toBeGreaterThan(20);
  });

  it('satisfy the summary rules', () => {
    let items = 0;
    let nonEmpty = 0;
    const problems: string[] = [];
    for (const file of files) {
      // Bytes are decoded the way ingestion does (BOM, valid UTF-8, declared charset, windows-1252).
      const { text } = decodeBody(new Uint8Array(readFileSync(new URL(file, dir))));
      const parsed = parseFeed(text, 'https://feeds.example.com/feed');
      if (parsed.status !== 'ok') continue;
      for (const item of parsed.items) {
        items++;
        const summary = summarize(item);
        if (summary) nonEmpty++;
        const sources = [cleanSummarySource(item.description), cleanSummarySource(item.content)];
        for (const p of summaryViolations(summary, sources)) problems.push(`${file} "${item.title.slice(0, 40)}": ${p}`);
      }
    }
    expect(problems).toEqual([]);
    expect(items).toBeGreaterThan(200);
    expect(nonEmpty).toBeGreaterThan(items / 2);
  });
});
