/**
 * "Not relevant" feedback for operators: the `feedback` CLI counts and its JSON-lines export in
 * the tagging evaluation format (readable by the evaluation's own parser), and the per-topic
 * gauge on GET /metrics over HTTP.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { feedbackCommand } from '../../src/cli/commands/feedback.js';
import { loadEnv } from '../../src/config/env.js';
import { createSilentLogger } from '../../src/core/logger.js';
import { createHealthRoutes } from '../../src/server/health-routes.js';
import { startHttpServer } from '../../src/server/http-server.js';
import { createMetrics, registerFeedbackGauge } from '../../src/server/metrics.js';
import { webAccessFromEnv } from '../../src/server/web-access.js';
import { createStore } from '../../src/store/create-store.js';
import type { Store } from '../../src/store/store.js';
import { parseLabelledItems } from '../../src/tagging/labelled-items.js';
import { makeItem, slack, T0 } from '../store/fixtures.js';
import { runCommand } from '../store/cli-context.js';

const dir = mkdtempSync(join(tmpdir(), 'pr-feedback-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('not-relevant feedback for operators', () => {
  let store: Store;
  let ids: number[];
  beforeEach(async () => {
    store = createStore(':memory:');
    await store.migrate();
    await store.feeds.syncConfig([{ id: 'bbc', url: 'https://bbc.example/feed', name: 'BBC' }]);
    const items = await store.items.insertNew('bbc', [
      makeItem('a', { title: 'Chatbot fined', topics: ['ai', 'gdpr'], summary: 'A regulator fined a chatbot maker.' }),
      makeItem('b', { title: 'Old news', topics: ['ai'] }),
    ], T0);
    ids = items.map((item) => item.id);
    await store.feedback.recordNotRelevant(slack('C1'), ids[0]!, ['gdpr'], T0);
    await store.feedback.recordNotRelevant(slack('C2'), ids[0]!, ['gdpr'], T0);
    await store.feedback.recordNotRelevant(slack('C1'), ids[1]!, ['ai'], T0);
  });
  afterEach(async () => store.close());

  it('`feedback` prints the counts per topic', async () => {
    const { code, stdout } = await runCommand(feedbackCommand, [], store);
    expect(code).toBe(0);
    expect(stdout).toMatch(/gdpr\s+2/);
    expect(stdout).toMatch(/ai\s+1/);
    expect(stdout.indexOf('gdpr')).toBeLessThan(stdout.indexOf(' ai '));
  });

  it('`feedback --export` writes JSON lines in the tagging evaluation format: tagged topics minus the ones marked', async () => {
    const file = join(dir, 'feedback.jsonl');
    const { code, stderr } = await runCommand(feedbackCommand, ['--export', file], store);
    expect(code).toBe(0);
    expect(stderr).toContain('Wrote 2 items');
    const text = readFileSync(file, 'utf8');
    const rows = text.trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    const first = rows.find((row) => row.id === `feedback-${ids[0]}`);
    expect(first).toEqual({
      id: `feedback-${ids[0]}`, title: 'Chatbot fined', description: 'A regulator fined a chatbot maker.', source: 'BBC',
      url: 'https://news.example/a', date: '2026-01-05', topics: ['ai'],
      note: 'Marked not relevant for gdpr (2 channels); the tagger gave ai, gdpr. Review before adding to a labelled set.',
    });
    expect(Object.keys(first!)).toEqual(['id', 'title', 'description', 'source', 'url', 'date', 'topics', 'note']);
    const parsed = parseLabelledItems(text);
    expect(parsed.ok && parsed.items.map((item) => item.topics)).toEqual(expect.arrayContaining([['ai'], []]));
    expect(text).not.toMatch(/U\d|user/i); // nobody is named
  });

  it('GET /metrics reports privacy_radar_not_relevant per topic', async () => {
    const metrics = createMetrics();
    registerFeedbackGauge(metrics, () => store.feedback.countsByTopic());
    const server = await startHttpServer({ port: 0, host: '127.0.0.1', routes: createHealthRoutes(store, metrics, webAccessFromEnv(loadEnv({}))), logger: createSilentLogger() });
    try {
      const body = await (await fetch(`http://127.0.0.1:${server.port}/metrics`)).text();
      expect(body).toContain('privacy_radar_not_relevant{topic="gdpr"} 2');
      expect(body).toContain('privacy_radar_not_relevant{topic="ai"} 1');
    } finally {
      await server.close();
    }
  });
});
