import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChatMessage } from '../../src/chat/message.js';
import type { ChatPort } from '../../src/chat/chat-port.js';
import { createCore, type AppCore } from '../../src/app/create-core.js';
import { loadAppConfig } from '../../src/app/load-config.js';
import { createRenderers } from '../../src/app/renderers.js';
import { createManualClock } from '../../src/core/clock.js';
import { createSilentLogger } from '../../src/core/logger.js';
import { createDispatcher } from '../../src/delivery/dispatcher.js';
import { startSampleFeedServer } from '../../demo/sample-feed-server.js';
import { BACKLOG, LIVE } from '../../demo/sample-items.js';
import { runCaptured } from './run-captured.js';

/**
 * The thin end-to-end slice on the real seams: sample feeds on loopback → poll → tag → store →
 * route → outbox → dispatcher → a chat port; then the CLI's `latest --json` reads the same store.
 */
describe('end to end: feeds to a subscribed channel', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pr-e2e-'));
  const env = { FEEDS_FILE: join(dir, 'feeds.json'), DATABASE_URL: join(dir, 'radar.db'), ALLOW_PRIVATE_NETWORK: '1', LOG_LEVEL: 'silent' };
  const destination = { platform: 'console' as const, workspaceId: 'local', channelId: 'console' };
  const sent: ChatMessage[] = [];
  const port: ChatPort = {
    platform: 'console',
    send: async (_d, message) => {
      sent.push(message);
      return { kind: 'sent', messageRef: String(sent.length) };
    },
  };
  let feeds: Awaited<ReturnType<typeof startSampleFeedServer>>;
  let core: AppCore;
  const clock = createManualClock(new Date());

  beforeAll(async () => {
    feeds = await startSampleFeedServer(BACKLOG);
    writeFileSync(env.FEEDS_FILE, JSON.stringify({ feeds: feeds.feeds }));
    core = await createCore(loadAppConfig(env), { clock, logger: createSilentLogger() });
  });
  afterAll(async () => {
    await core?.close();
    await feeds?.close();
  });

  it('records a new feed\'s backlog without posting, then delivers a newly published item once', async () => {
    await core.store.subscriptions.subscribe(destination, core.topics.map((t) => t.id), core.digests.defaultSchedule, clock.now());
    const dispatcher = createDispatcher({ store: core.store, ports: [port], clock, logger: core.logger, renderers: createRenderers(core) });

    const first = await core.poller.pollOnce();
    expect(first.feeds.map((f) => f.status)).toEqual(['ok', 'ok', 'ok']);
    expect(first.newItems).toBe(BACKLOG.length);
    await dispatcher.runOnce();
    expect(sent).toHaveLength(0); // docs/ingestion.md R20: the first poll posts nothing

    const lawsuit = LIVE[0]!; // "Chatbot maker sued over use of customer messages to train AI models"
    feeds.publish(lawsuit);
    clock.advance(60_000);
    const second = await core.poller.pollOnce();
    expect(second.newItems).toBe(1);
    await dispatcher.runOnce();
    expect(sent).toHaveLength(1);
    expect(sent[0]!.text).toContain('Chatbot maker sued');

    // Polling again stores nothing new and sends nothing twice.
    clock.advance(60_000);
    const third = await core.poller.pollOnce();
    expect(third.newItems).toBe(0);
    clock.advance(5_000);
    await dispatcher.runOnce();
    expect(sent).toHaveLength(1);
  });

  it('lists stored items with `latest --json` in the documented shape', async () => {
    const { code, out } = await runCaptured(['latest', '--json', '--limit', '3'], env);
    expect(code).toBe(0);
    const items = JSON.parse(out) as Array<Record<string, unknown>>;
    expect(items).toHaveLength(3);
    expect(Object.keys(items[0]!).sort()).toEqual(['id', 'jurisdictions', 'publishedAt', 'source', 'summary', 'title', 'topics', 'url']);
    expect(items[0]!.title).toBe(LIVE[0]!.title);
    expect(items[0]!.topics).toEqual(expect.arrayContaining(['ai', 'lawsuit']));
  });
});
