/**
 * A local feed server for tests: serves fixture files with ETag/Last-Modified/304, and
 * misbehaves on purpose (drip, gzip bomb, 200 MB body, redirect loops, metadata redirect,
 * HTML page, empty body, 500, 429, challenge, billion laughs, XXE). Records every request.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { join } from 'node:path';
import zlib from 'node:zlib';

export const FIXTURES = join(import.meta.dirname, '../fixtures/feeds');

/** Reads a corpus fixture (bytes as published). */
export function fixture(name: string): Buffer {
  return readFileSync(join(FIXTURES, name));
}

export interface RecordedRequest {
  path: string;
  headers: IncomingMessage['headers'];
}

type Handler = (req: IncomingMessage, res: ServerResponse, server: FeedServer) => void;

export interface FeedServer {
  url(path: string): string;
  port: number;
  requests: RecordedRequest[];
  /** Replace or add a route (exact path). */
  route(path: string, handler: Handler): void;
  /** Serve a body with ETag + Last-Modified and answer conditional requests with 304. */
  serveStatic(path: string, body: Buffer | string, options?: { contentType?: string; etag?: boolean; lastModified?: string; headers?: Record<string, string> }): void;
  openSockets(): number;
  close(): Promise<void>;
}

const RSS = (items: string) =>
  `<?xml version="1.0"?><rss version="2.0"><channel><title>T</title><link>https://example.org/</link>${items}</channel></rss>`;

/** An RSS item with guid n. */
export function rssItem(n: number, extra = ''): string {
  return `<item><title>Item ${n}</title><link>https://example.org/items/${n}?utm_source=rss</link><guid>urn:item:${n}</guid><pubDate>Mon, 05 Jan 2026 0${n % 10}:00:00 GMT</pubDate><description>Body ${n}</description>${extra}</item>`;
}

/** An RSS document with the given items. */
export function rssFeed(itemNumbers: number[]): string {
  return RSS(itemNumbers.map((n) => rssItem(n)).join(''));
}

function staticHandler(body: Buffer, options: { contentType?: string; etag?: boolean; lastModified?: string; headers?: Record<string, string> }): Handler {
  const etag = `"${createHash('sha1').update(body).digest('hex').slice(0, 12)}"`;
  const lastModified = options.lastModified ?? 'Mon, 05 Jan 2026 08:00:00 GMT';
  return (req, res) => {
    const headers: Record<string, string> = { 'content-type': options.contentType ?? 'application/rss+xml', 'last-modified': lastModified, ...options.headers };
    if (options.etag !== false) headers.etag = etag;
    const inm = req.headers['if-none-match'];
    const ims = req.headers['if-modified-since'];
    if ((options.etag !== false && inm === etag) || (inm === undefined && ims === lastModified)) {
      res.writeHead(304, headers).end();
      return;
    }
    res.writeHead(200, { ...headers, 'content-length': String(body.length) }).end(body);
  };
}

function zeros(total: number, chunk = 1 << 20): AsyncGenerator<Buffer> {
  const block = Buffer.alloc(chunk);
  return (async function* () {
    for (let sent = 0; sent < total; sent += chunk) yield block;
  })();
}

function drainOrClose(res: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      res.off('drain', done);
      res.off('close', done);
      resolve();
    };
    res.on('drain', done);
    res.on('close', done);
  });
}

/** Streams `source` into res honouring backpressure; stops quietly when the client goes away. */
async function streamTo(res: ServerResponse, source: AsyncIterable<Buffer>): Promise<void> {
  for await (const chunk of source) {
    if (res.destroyed) return;
    if (!res.write(chunk)) await drainOrClose(res);
  }
  if (!res.destroyed) res.end();
}

// 1 MiB of zeros as one gzip member (~1 KB); members may be concatenated (RFC 1952 section 2.2).
const GZIP_MEMBER = zlib.gzipSync(Buffer.alloc(1 << 20), { level: 9 });

function defaultRoutes(): Map<string, Handler> {
  const routes = new Map<string, Handler>();
  routes.set('/drip', (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/rss+xml' });
    const timer = setInterval(() => res.write('<'), 1000);
    res.on('close', () => clearInterval(timer));
  });
  routes.set('/gzip-bomb', (_req, res) => {
    // 500 concatenated gzip members of 1 MiB of zeros each: ~500 KB on the wire, 500 MiB inflated.
    res.writeHead(200, { 'content-type': 'application/rss+xml', 'content-encoding': 'gzip' });
    void streamTo(res, (async function* () {
      for (let i = 0; i < 500; i++) yield GZIP_MEMBER;
    })());
  });
  routes.set('/huge', (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/rss+xml' }); // chunked, no length announced
    void streamTo(res, zeros(200 * 1024 * 1024));
  });
  routes.set('/huge-declared', (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/rss+xml', 'content-length': String(200 * 1024 * 1024) });
    void streamTo(res, zeros(200 * 1024 * 1024));
  });
  routes.set('/loop-a', (_req, res) => res.writeHead(302, { location: '/loop-b' }).end());
  routes.set('/loop-b', (_req, res) => res.writeHead(302, { location: 'loop-a' }).end());
  routes.set('/to-metadata', (_req, res) => res.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data/' }).end());
  routes.set('/empty', (_req, res) => res.writeHead(200, { 'content-type': 'application/rss+xml', 'content-length': '0' }).end());
  routes.set('/status-500', (_req, res) => res.writeHead(500).end('oops'));
  routes.set('/status-404', (_req, res) => res.writeHead(404).end('missing'));
  routes.set('/status-429', (_req, res) => res.writeHead(429, { 'retry-after': '120' }).end());
  routes.set('/status-503-date', (_req, res) =>
    res.writeHead(503, { date: 'Mon, 05 Jan 2026 09:00:00 GMT', 'retry-after': 'Mon, 05 Jan 2026 10:30:00 GMT' }).end());
  routes.set('/challenge', (_req, res) => res.writeHead(403, { 'cf-mitigated': 'challenge', 'content-type': 'text/html' }).end('<html>Just a moment...</html>'));
  routes.set('/html', (_req, res) =>
    res.writeHead(200, { 'content-type': 'text/html' }).end(
      '<!doctype html><html><head><title>Blog</title><link rel="alternate" type="application/rss+xml" href="/blog/feed.xml"></head><body>hi</body></html>'));
  return routes;
}

/** Starts the server on 127.0.0.1 with an ephemeral port. */
export async function startFeedServer(): Promise<FeedServer> {
  const routes = defaultRoutes();
  const requests: RecordedRequest[] = [];
  const sockets = new Set<Socket>();
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0]!;
    requests.push({ path, headers: req.headers });
    const handler = routes.get(path);
    if (!handler) {
      res.writeHead(404).end('no such route');
      return;
    }
    handler(req, res, api);
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const api: FeedServer = {
    port,
    requests,
    url: (path) => `http://127.0.0.1:${port}${path}`,
    route: (path, handler) => routes.set(path, handler),
    serveStatic: (path, body, options = {}) => routes.set(path, staticHandler(Buffer.from(body), options)),
    openSockets: () => sockets.size,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  return api;
}
