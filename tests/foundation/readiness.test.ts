import { createServer, connect, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { createSilentLogger } from '../../src/core/logger.js';
import { createHealthRoutes } from '../../src/server/health-routes.js';
import { startHttpServer } from '../../src/server/http-server.js';
import { createMetrics } from '../../src/server/metrics.js';
import { createStore } from '../../src/store/create-store.js';
import { adminQuery, noticePgSkipped, PG_URL, uniqueSchema } from '../store/pg-schema.js';

noticePgSkipped('tests/foundation/readiness.test.ts');

/** A loopback TCP proxy to PostgreSQL that the test can cut and restore, like a database outage. */
async function startProxy(target: URL, port = 0) {
  const sockets = new Set<Socket>();
  const server: Server = createServer((client) => {
    const upstream = connect(Number(target.port || 5432), target.hostname);
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
      s.on('error', () => undefined);
    }
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    stop: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

describe.skipIf(!PG_URL)('/readyz follows the database', () => {
  const schema = uniqueSchema('t_ready');
  afterAll(() => adminQuery(`DROP SCHEMA IF EXISTS ${schema} CASCADE`));

  it('answers 503 while PostgreSQL is unreachable and 200 again once it is back', async () => {
    const target = new URL(PG_URL!);
    let proxy = await startProxy(target);
    const port = proxy.port;
    await adminQuery(`CREATE SCHEMA ${schema}`);
    const url = new URL(PG_URL!);
    url.hostname = '127.0.0.1';
    url.port = String(port);
    const store = await createStore(url.toString(), { schema });
    await store.migrate();
    const http = await startHttpServer({ port: 0, host: '127.0.0.1', routes: createHealthRoutes(store, createMetrics(), { mode: 'local' }), logger: createSilentLogger() });
    const ready = async () => (await fetch(`http://127.0.0.1:${http.port}/readyz`)).status;
    try {
      expect(await ready()).toBe(200);
      await proxy.stop();
      expect(await ready()).toBe(503);
      expect((await fetch(`http://127.0.0.1:${http.port}/healthz`)).status).toBe(200); // the process is still up
      proxy = await startProxy(target, port);
      let status = 0;
      for (let i = 0; i < 20 && status !== 200; i++) status = await ready();
      expect(status).toBe(200);
    } finally {
      await http.close();
      await store.close();
      await proxy.stop();
    }
  });
});
