/**
 * `npm run shots`: screenshots of each web page at desktop and phone width, for the README.
 * Serves the demo's sample items from an in-memory store on loopback and photographs them with
 * the system's headless Chromium. Writes docs/img/web-<page>-<desktop|phone>.png.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { createManualClock } from '../src/core/clock.js';
import { createSilentLogger } from '../src/core/logger.js';
import { startHttpServer } from '../src/server/http-server.js';
import { createStore } from '../src/store/create-store.js';
import { defaultTopics } from '../src/tagging/index.js';
import { createWebRoutes } from '../src/web/web-routes.js';
import { seedSampleStore } from '../demo/sample-store.js';
import { launchChromium } from './chromium.js';

const OUT = join(import.meta.dirname ?? new URL('.', import.meta.url).pathname, '..', 'docs', 'img');
const NOW = new Date('2026-03-02T10:00:00Z');
const VIEWPORTS = { desktop: { width: 1280, height: 860 }, phone: { width: 390, height: 844 } };

async function main(): Promise<void> {
  const store = createStore(':memory:');
  await store.migrate();
  const items = await seedSampleStore(store, NOW);
  const story = items.find((item) => item.title.startsWith('Hospital network'))!;
  const context = { store, topics: defaultTopics(), clock: createManualClock(NOW), timeZone: 'UTC' };
  const server = await startHttpServer({ port: 0, host: '127.0.0.1', routes: createWebRoutes(context, { mode: 'local' }), logger: createSilentLogger() });
  const browser = await launchChromium();
  try {
    mkdirSync(OUT, { recursive: true });
    const page = await browser.context.newPage();
    const pages = { stories: '/', story: `/stories/${story.storyId ?? story.id}`, sources: '/sources', topics: '/topics' };
    for (const [size, viewport] of Object.entries(VIEWPORTS)) {
      await page.setViewportSize(viewport);
      for (const [name, path] of Object.entries(pages)) {
        await page.goto(`http://127.0.0.1:${server.port}${path}`);
        const file = join(OUT, `web-${name}-${size}.png`);
        await page.screenshot({ path: file });
        console.log(`wrote ${file}`);
      }
    }
  } finally {
    await browser.close();
    await server.close();
    await store.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
