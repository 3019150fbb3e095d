import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from '../core/logger.js';
import type { HttpRoute } from './http-route.js';

/** The bot's one HTTP server: health, metrics and every adapter's routes on one port. */
export interface BotHttpServer {
  server: Server;
  port: number;
  close(): Promise<void>;
}

/**
 * Starts listening; routes are matched on method and exact path (query strings ignored), or on a
 * prefix when the route's path ends in `/*` (`/stories/*` serves `/stories/42`).
 */
export async function startHttpServer(options: { port: number; host?: string; routes: HttpRoute[]; logger: Logger }): Promise<BotHttpServer> {
  const table = new Map(options.routes.map((r) => [`${r.method} ${r.path}`, r]));
  const covers = (route: HttpRoute, path: string) => route.path === path || (route.path.endsWith('/*') && path.startsWith(route.path.slice(0, -1)));
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    const route = table.get(`${req.method} ${path}`) ?? options.routes.find((r) => r.method === req.method && covers(r, path));
    if (!route) {
      const pathExists = options.routes.some((r) => covers(r, path));
      res.writeHead(pathExists ? 405 : 404, { 'content-type': 'text/plain; charset=utf-8' }).end(pathExists ? 'method not allowed\n' : 'not found\n');
      return;
    }
    Promise.resolve()
      .then(() => route.handler(req, res))
      .catch((error: unknown) => {
        // A handler bug must not kill the server or leak a stack trace to the caller.
        options.logger.error({ err: error, path }, 'http handler failed');
        if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
        res.end('internal error\n');
      });
  });
  // Slack retries after 3 s; keep idle sockets short so shutdown is quick.
  server.keepAliveTimeout = 5_000;
  server.headersTimeout = 10_000;
  server.requestTimeout = 30_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    server,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
        setTimeout(() => server.closeAllConnections(), 2_000).unref();
      }),
  };
}
