import { readdirSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { createFeedParser, type FeedParser } from '../../src/ingest/parse/parse-off-thread.js';
import { parseFeed } from '../../src/ingest/parse/parse-feed.js';
import { FIXTURES, fixture, rssFeed } from './feed-server.js';

const NOW = new Date('2026-03-01T12:00:00Z');
let parser: FeedParser | undefined;
afterEach(async () => {
  await parser?.close();
  parser = undefined;
});

describe('parsing large feeds off the main thread', () => {
  it('the worker gives exactly what inline parsing gives, for every fixture feed', async () => {
    parser = createFeedParser({ minChars: 0 });
    const names = readdirSync(FIXTURES).filter((name) => /\.(xml|json|rss|atom)$/.test(name));
    expect(names.length).toBeGreaterThan(20);
    for (const name of names) {
      const body = fixture(name).toString('utf8');
      expect(await parser.parse(body, 'https://feeds.example/feed', NOW), name).toEqual(parseFeed(body, 'https://feeds.example/feed', { now: NOW }));
    }
    expect(parser.counts()).toEqual({ worker: names.length, inline: 0 });
  });

  it('keeps the event loop free while a large document is parsed', async () => {
    parser = createFeedParser();
    const big = rssFeed(Array.from({ length: 4000 }, (_, i) => i));
    expect(big.length).toBeGreaterThan(256 * 1024);
    await parser.parse(big, 'https://feeds.example/feed', NOW); // the worker starts
    let turns = 0;
    const spin = setInterval(() => (turns += 1), 1);
    const result = await parser.parse(big, 'https://feeds.example/feed', NOW);
    clearInterval(spin);
    expect(result.status === 'ok' && result.items.length).toBe(4000);
    expect(parser.counts()).toEqual({ worker: 2, inline: 0 });
    // Timers ran during the parse: it did not hold the main thread.
    expect(turns).toBeGreaterThan(0);
  });

  it('parses small documents inline, and everything inline once closed', async () => {
    parser = createFeedParser();
    const small = rssFeed([1, 2]);
    expect((await parser.parse(small, 'https://feeds.example/feed', NOW)).status).toBe('ok');
    await parser.close();
    const big = rssFeed(Array.from({ length: 4000 }, (_, i) => i));
    expect((await parser.parse(big, 'https://feeds.example/feed', NOW)).status).toBe('ok');
    expect(parser.counts()).toEqual({ worker: 0, inline: 2 });
  });
});
