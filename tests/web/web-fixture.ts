import { createManualClock } from '../../src/core/clock.js';
import { createSilentLogger } from '../../src/core/logger.js';
import { startHttpServer, type BotHttpServer } from '../../src/server/http-server.js';
import { createHealthRoutes } from '../../src/server/health-routes.js';
import { createMetrics } from '../../src/server/metrics.js';
import { createStore } from '../../src/store/create-store.js';
import type { Store } from '../../src/store/store.js';
import { defaultTopics } from '../../src/tagging/index.js';
import type { StoredItem } from '../../src/core/types.js';
import { createWebRoutes } from '../../src/web/web-routes.js';
import type { WebAccess } from '../../src/server/web-access.js';
import type { WebContext } from '../../src/web/web-context.js';
import { seedSampleStore, tagSample } from '../../demo/sample-store.js';

/** "Now" for every web test. */
export const NOW = new Date('2026-03-02T10:00:00Z');

/** Values that must never appear on any page: chat destinations, workspaces, user ids, tokens. */
export const PRIVATE_MARKERS = ['TPRIVATEWS', 'CPRIVATECHAN', 'UPRIVATEUSER', 'xoxb-private-token', 'private-install-key', 'FEEDKEY123'];

/** A hostile item: markup in title and summary, a javascript: link. */
export const HOSTILE = {
  title: 'GDPR fine <script>alert(1)</script> & "quotes"',
  summary: '<img src=x onerror=alert(2)> data protection',
  url: 'javascript:alert(3)',
};

export interface WebFixture {
  store: Store;
  items: StoredItem[];
  hostile: StoredItem;
  context: WebContext;
  server: BotHttpServer;
  base: string;
  close(): Promise<void>;
}

/** The sample store plus private data and a hostile item, served on 127.0.0.1 with the given access. */
export async function startWebFixture(access: WebAccess = { mode: 'local' }): Promise<WebFixture> {
  const db = createStore(':memory:');
  await db.migrate();
  const items = await seedSampleStore(db, NOW, [{ id: 'private-alerts', name: 'Alerts', url: 'https://alerts.example/feeds/FEEDKEY123?key=FEEDKEY123' }]);
  await db.feeds.updateState('private-alerts', { health: 'failing', lastError: { kind: 'http_4xx', message: 'HTTP 403 from https://alerts.example/feeds/FEEDKEY123?key=FEEDKEY123' }, lastErrorAt: NOW });
  const destination = { platform: 'slack' as const, workspaceId: 'TPRIVATEWS', channelId: 'CPRIVATECHAN' };
  await db.subscriptions.subscribe(destination, ['ai', 'gdpr'], { enabled: true, weekday: 1, time: '09:00', timeZone: 'UTC' }, NOW);
  await db.installations.save('slack', 'private-install-key', 'TPRIVATEWS', { botToken: 'xoxb-private-token', userId: 'UPRIVATEUSER' }, NOW);
  await db.outbox.enqueue([{ dedupKey: 'private-dedup', destination, kind: 'item', payload: { itemId: items[0]!.id, by: 'UPRIVATEUSER' } }], NOW);
  const hostileTagged = { ...tagSample({ feed: 'demo-newsroom', title: HOSTILE.title, description: HOSTILE.summary }, 'hostile'), url: HOSTILE.url, summary: HOSTILE.summary, publishedAt: NOW };
  const [hostile] = await db.items.insertNew('demo-newsroom', [hostileTagged], new Date(NOW.getTime() - 60_000));
  const context: WebContext = { store: db, topics: defaultTopics(), clock: createManualClock(NOW), timeZone: 'Europe/Berlin' };
  const server = await startHttpServer({ port: 0, host: '127.0.0.1', routes: [...createHealthRoutes(db, createMetrics(), access), ...createWebRoutes(context, access)], logger: createSilentLogger() });
  return {
    store: db,
    items,
    hostile: hostile!,
    context,
    server,
    base: `http://127.0.0.1:${server.port}`,
    close: async () => {
      await server.close();
      await db.close();
    },
  };
}
