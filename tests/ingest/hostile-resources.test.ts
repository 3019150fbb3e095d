import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchFeed } from '../../src/ingest/fetch-feed.js';
import { releaseFetchAgent } from '../../src/ingest/http/feed-agent.js';
import { defaultFetchOptions } from '../../src/ingest/http/fetch-options.js';
import { startFeedServer, type FeedServer } from './feed-server.js';

let server: FeedServer;
beforeAll(async () => {
  server = await startFeedServer();
});
afterAll(async () => {
  await server.close();
});

const tcpHandles = () => process.getActiveResourcesInfo().filter((r) => r === 'TCPSocketWrap').length;
const timers = () => process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length;
const settle = async (check: () => boolean, ms = 1500) => {
  const until = Date.now() + ms;
  while (!check() && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
};

describe('hostile endpoints release their resources (R4, R5)', () => {
  it('sockets, timers and memory return to baseline after drip, gzip bomb, 200 MB body and loops', async () => {
    // The agent is NOT released between fetches: aborted sockets must be destroyed, not pooled.
    const options = defaultFetchOptions({ allowedAddressRanges: ['127.0.0.1/32'], totalTimeoutMs: 1200, connectTimeoutMs: 1000 });
    const baseSockets = tcpHandles();
    const baseTimers = timers();
    const baseHeap = process.memoryUsage().heapUsed;
    // One after another, each checked on its own: every aborted socket must be gone promptly.
    const results = [];
    for (const path of ['/drip', '/gzip-bomb', '/huge', '/huge-declared']) {
      results.push(await fetchFeed({ url: server.url(path) }, options));
      await settle(() => server.openSockets() === 0 && tcpHandles() <= baseSockets);
      expect({ path, server: server.openSockets() }).toEqual({ path, server: 0 });
      expect(tcpHandles()).toBeLessThanOrEqual(baseSockets);
    }
    expect(results.map((r) => (r.status === 'error' ? r.kind : r.status))).toEqual(['timeout', 'too_large', 'too_large', 'too_large']);
    await settle(() => server.openSockets() === 0 && tcpHandles() <= baseSockets);
    expect(server.openSockets()).toBe(0);
    expect(tcpHandles()).toBeLessThanOrEqual(baseSockets);
    expect(timers()).toBeLessThanOrEqual(baseTimers + 1);
    expect(process.memoryUsage().heapUsed - baseHeap).toBeLessThan(64 * 1024 * 1024);
  });

  it('connections that ended cleanly are pooled, and closing the agent frees them', async () => {
    const options = defaultFetchOptions({ allowedAddressRanges: ['127.0.0.1/32'], totalTimeoutMs: 1200 });
    const baseSockets = tcpHandles();
    await Promise.all(['/loop-a', '/status-500', '/challenge'].map((path) => fetchFeed({ url: server.url(path) }, options)));
    await releaseFetchAgent(options);
    await settle(() => server.openSockets() === 0 && tcpHandles() <= baseSockets);
    expect(server.openSockets()).toBe(0);
    expect(tcpHandles()).toBeLessThanOrEqual(baseSockets);
  });
});
