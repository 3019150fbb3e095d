import zlib from 'node:zlib';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fetchFeed, type FetchResult } from '../../src/ingest/fetch-feed.js';
import { releaseFetchAgent } from '../../src/ingest/http/feed-agent.js';
import { DEFAULT_USER_AGENT, defaultFetchOptions, type FetchOptions } from '../../src/ingest/http/fetch-options.js';
import { fixture, rssFeed, startFeedServer, type FeedServer } from './feed-server.js';

let server: FeedServer;
let options: FetchOptions;

beforeAll(async () => {
  server = await startFeedServer();
});
afterAll(async () => {
  await server.close();
});
beforeEach(() => {
  // Loopback is private: the guard stays on, with only the test server's address exempted.
  options = defaultFetchOptions({ allowedAddressRanges: ['127.0.0.1/32'], totalTimeoutMs: 1500, connectTimeoutMs: 1000 });
});
afterEach(async () => {
  await releaseFetchAgent(options);
});

function expectError(result: FetchResult, kind: string): Extract<FetchResult, { status: 'error' }> {
  expect(result.status).toBe('error');
  if (result.status !== 'error') throw new Error('unreachable');
  expect(result.kind).toBe(kind);
  return result;
}

describe('conditional GET (R1, R2)', () => {
  it('sends the stored validators and a 304 parses nothing', async () => {
    server.serveStatic('/f1', fixture('rss-parser__heise.atom'), { contentType: 'application/atom+xml' });
    const first = await fetchFeed({ url: server.url('/f1') }, options);
    expect(first.status).toBe('ok');
    if (first.status !== 'ok') return;
    expect(first.etag).toMatch(/^"/);
    expect(first.lastModified).toBe('Mon, 05 Jan 2026 08:00:00 GMT');
    const second = await fetchFeed({ url: server.url('/f1'), etag: first.etag, lastModified: first.lastModified }, options);
    expect(second).toMatchObject({ status: 'not_modified', reason: 'http_304' });
    const sent = server.requests.filter((r) => r.path === '/f1').at(-1)!;
    expect(sent.headers['if-none-match']).toBe(first.etag);
    expect(sent.headers['if-modified-since']).toBe(first.lastModified);
  });

  it('Last-Modified alone is enough for a 304', async () => {
    server.serveStatic('/f1-lm', rssFeed([1]), { etag: false, lastModified: 'Sun, 04 Jan 2026 10:00:00 GMT' });
    const result = await fetchFeed({ url: server.url('/f1-lm'), lastModified: 'Sun, 04 Jan 2026 10:00:00 GMT' }, options);
    expect(result).toMatchObject({ status: 'not_modified', reason: 'http_304' });
  });

  it('an unchanged 200 (same body hash) is reported as not modified', async () => {
    server.route('/f2-hash', (_req, res) => res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(rssFeed([1, 2])));
    const first = await fetchFeed({ url: server.url('/f2-hash') }, options);
    if (first.status !== 'ok') throw new Error('expected ok');
    const second = await fetchFeed({ url: server.url('/f2-hash'), previousBodyHash: first.bodyHash }, options);
    expect(second).toMatchObject({ status: 'not_modified', reason: 'same_body' });
  });

  it('a 200 repeating the ETag we sent is reported as not modified', async () => {
    server.route('/f2-etag', (_req, res) => res.writeHead(200, { etag: '"v1"' }).end(rssFeed([1])));
    const result = await fetchFeed({ url: server.url('/f2-etag'), etag: '"v1"' }, options);
    expect(result).toMatchObject({ status: 'not_modified', reason: 'same_etag' });
  });
});

describe('content decoding (R3)', () => {
  const body = rssFeed([1, 2, 3]);
  for (const [encoding, encode] of [
    ['gzip', zlib.gzipSync],
    ['br', zlib.brotliCompressSync],
    ['deflate', zlib.deflateSync],
    ['deflate', zlib.deflateRawSync],
  ] as const) {
    it(`decodes ${encoding} (${encode.name})`, async () => {
      const path = `/f3-${encode.name}`;
      server.route(path, (_req, res) => res.writeHead(200, { 'content-encoding': encoding }).end(encode(Buffer.from(body))));
      const result = await fetchFeed({ url: server.url(path) }, options);
      expect(result).toMatchObject({ status: 'ok', body });
    });
  }

  it('decodes gzip bytes sent without a Content-Encoding header', async () => {
    server.route('/f3-undeclared', (_req, res) => res.writeHead(200).end(zlib.gzipSync(Buffer.from(body))));
    expect(await fetchFeed({ url: server.url('/f3-undeclared') }, options)).toMatchObject({ status: 'ok', body });
  });

  it('always asks for gzip, deflate and br', async () => {
    server.serveStatic('/f3-ask', body);
    await fetchFeed({ url: server.url('/f3-ask') }, options);
    expect(server.requests.at(-1)!.headers['accept-encoding']).toBe('gzip, deflate, br');
  });
});

describe('size cap (R4)', () => {
  it('aborts a gzip bomb within a second with bounded memory', async () => {
    // Warm up zlib and the JIT on a harmless gzip body first: the bound is about the bomb.
    server.route('/warm-gzip', (_req, res) => res.writeHead(200, { 'content-encoding': 'gzip' }).end(zlib.gzipSync(rssFeed([1]))));
    await fetchFeed({ url: server.url('/warm-gzip') }, options);
    const before = process.memoryUsage().rss;
    const started = performance.now();
    const cpu = process.cpuUsage();
    const result = await fetchFeed({ url: server.url('/gzip-bomb') }, { ...options, totalTimeoutMs: 5000 });
    expectError(result, 'too_large');
    // Our cost is CPU time (client and server share this process); wall time on a shared CI box
    // also contains other processes' turns, so it gets a looser bound that still excludes
    // inflating 500 MB.
    const { user, system } = process.cpuUsage(cpu);
    expect((user + system) / 1000).toBeLessThan(1000);
    expect(performance.now() - started).toBeLessThan(3000);
    // 15 MiB cap plus zlib buffers; nowhere near the 500 MB the bomb inflates to.
    expect(process.memoryUsage().rss - before).toBeLessThan(120 * 1024 * 1024);
  });

  it('stops a 200 MB streamed body at the cap without reading it all', async () => {
    const started = performance.now();
    const result = await fetchFeed({ url: server.url('/huge') }, { ...options, totalTimeoutMs: 5000 });
    expectError(result, 'too_large');
    expect(performance.now() - started).toBeLessThan(3000); // 200 MB would not fit in that
  });

  it('refuses a declared 200 MB Content-Length before reading', async () => {
    const result = await fetchFeed({ url: server.url('/huge-declared') }, options);
    expect(expectError(result, 'too_large').message).toMatch(/Content-Length/);
  });

  it('honours a smaller configured cap', async () => {
    server.serveStatic('/f4-small', fixture('rss-parser__guardian.rss'));
    expectError(await fetchFeed({ url: server.url('/f4-small') }, { ...options, maxBytes: 10_000 }), 'too_large');
  });
});

describe('timeouts (R5)', () => {
  it('aborts a server that drips one byte a second at the total timeout', async () => {
    const started = performance.now();
    const result = await fetchFeed({ url: server.url('/drip') }, { ...options, totalTimeoutMs: 1200 });
    expectError(result, 'timeout');
    const elapsed = performance.now() - started;
    expect(elapsed).toBeGreaterThanOrEqual(1100);
    expect(elapsed).toBeLessThan(2500);
  });
});

describe('redirects (R6)', () => {
  it('follows relative Location headers up to the limit and reports the final URL', async () => {
    server.serveStatic('/r-final', rssFeed([1]));
    for (let i = 1; i <= 5; i++) server.route(`/r-${i}`, (_req, res) => res.writeHead(302, { location: i === 5 ? 'r-final' : `/r-${i + 1}` }).end());
    const result = await fetchFeed({ url: server.url('/r-1') }, options);
    expect(result).toMatchObject({ status: 'ok', finalUrl: server.url('/r-final'), permanentRedirectTo: null });
  });

  it('gives redirect_loop after more than 5 redirects', async () => {
    for (let i = 1; i <= 7; i++) server.route(`/long-${i}`, (_req, res) => res.writeHead(302, { location: `/long-${i + 1}` }).end());
    server.serveStatic('/long-8', rssFeed([1]));
    expectError(await fetchFeed({ url: server.url('/long-1') }, options), 'redirect_loop');
  });

  it('gives redirect_loop for a loop', async () => {
    const result = expectError(await fetchFeed({ url: server.url('/loop-a') }, options), 'redirect_loop');
    expect(result.message).toMatch(/loop/);
  });

  it('an unusable Location is an http_4xx error, not a crash', async () => {
    server.route('/bad-location', (_req, res) => res.writeHead(302, { location: 'http://[not-an-ip/' }).end());
    expect(expectError(await fetchFeed({ url: server.url('/bad-location') }, options), 'http_4xx').message).toMatch(/invalid Location/);
  });

  it('reports the target of permanent redirects', async () => {
    server.serveStatic('/p-new', rssFeed([1]));
    server.route('/p-old', (_req, res) => res.writeHead(301, { location: '/p-mid' }).end());
    server.route('/p-mid', (_req, res) => res.writeHead(308, { location: '/p-new' }).end());
    expect(await fetchFeed({ url: server.url('/p-old') }, options)).toMatchObject({ status: 'ok', permanentRedirectTo: server.url('/p-new') });
    // A temporary hop first means the feed has not moved.
    server.route('/p-temp', (_req, res) => res.writeHead(302, { location: '/p-old' }).end());
    expect(await fetchFeed({ url: server.url('/p-temp') }, options)).toMatchObject({ status: 'ok', permanentRedirectTo: null });
  });
});

describe('SSRF guard through redirects (R7)', () => {
  it('refuses a redirect to the cloud metadata address without connecting', async () => {
    const result = expectError(await fetchFeed({ url: server.url('/to-metadata') }, options), 'blocked_address');
    expect(result.message).toMatch(/169\.254\.169\.254/);
  });

  it('refuses loopback when only the guard is on', async () => {
    const strict = defaultFetchOptions({ totalTimeoutMs: 1500 });
    const before = server.requests.length;
    expectError(await fetchFeed({ url: server.url('/empty') }, strict), 'blocked_address');
    expect(server.requests.length).toBe(before);
    await releaseFetchAgent(strict);
  });

  it('ALLOW_PRIVATE_NETWORK lets loopback through', async () => {
    const open = defaultFetchOptions({ allowPrivateNetwork: true, totalTimeoutMs: 1500 });
    server.serveStatic('/f7-open', rssFeed([1]));
    expect((await fetchFeed({ url: server.url('/f7-open') }, open)).status).toBe('ok');
    await releaseFetchAgent(open);
  });
});

describe('status codes and Retry-After (R8, R9)', () => {
  it('429 with Retry-After seconds', async () => {
    expect(expectError(await fetchFeed({ url: server.url('/status-429') }, options), 'http_4xx').retryAfterMs).toBe(120_000);
  });

  it('503 with an HTTP-date Retry-After, measured against the response Date', async () => {
    expect(expectError(await fetchFeed({ url: server.url('/status-503-date') }, options), 'http_5xx').retryAfterMs).toBe(90 * 60_000);
  });

  it('500 and 404', async () => {
    expectError(await fetchFeed({ url: server.url('/status-500') }, options), 'http_5xx');
    expectError(await fetchFeed({ url: server.url('/status-404') }, options), 'http_4xx');
  });

  it('Cloudflare challenge', async () => {
    expectError(await fetchFeed({ url: server.url('/challenge') }, options), 'challenge');
  });

  it('empty body', async () => {
    expectError(await fetchFeed({ url: server.url('/empty') }, options), 'empty');
  });

  it('connection refused is connect, unknown host is dns', async () => {
    const closed = await startFeedServer();
    const url = closed.url('/x');
    await closed.close();
    expectError(await fetchFeed({ url }, options), 'connect');
    const noDns = defaultFetchOptions({
      totalTimeoutMs: 1500,
      lookup: (_host, _opts, cb) => cb(Object.assign(new Error('getaddrinfo ENOTFOUND'), { code: 'ENOTFOUND' }), []),
    });
    expectError(await fetchFeed({ url: 'http://no-such-host.invalid/feed' }, noDns), 'dns');
    await releaseFetchAgent(noDns);
  });
});

describe('TLS failures (R9)', () => {
  it('a TLS handshake failure is tls, with a one-line message', async () => {
    const result = expectError(await fetchFeed({ url: server.url('/empty').replace('http:', 'https:') }, options), 'tls');
    expect(result.message).toMatch(/^TLS handshake failed \(ERR_SSL_[A-Z_]+\)$/);
  });
});

describe('User-Agent (R12)', () => {
  it('names the bot and a contact URL, and can be overridden', async () => {
    server.serveStatic('/ua', rssFeed([1]));
    await fetchFeed({ url: server.url('/ua') }, options);
    expect(server.requests.at(-1)!.headers['user-agent']).toBe(DEFAULT_USER_AGENT);
    expect(DEFAULT_USER_AGENT).toMatch(/PrivacyRadar\/.*\+https:\/\//);
    const custom = { ...options, userAgent: 'AcmeRadar/1 (+https://acme.example/bot)' };
    await fetchFeed({ url: server.url('/ua') }, custom);
    expect(server.requests.at(-1)!.headers['user-agent']).toBe('AcmeRadar/1 (+https://acme.example/bot)');
    await releaseFetchAgent(custom);
  });
});
