import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createExternalSummarizer, externalRequestBody } from '../../src/summary/external-summarizer.js';
import { summarize } from '../../src/summary/summarize.js';
import { extractiveSummarizer } from '../../src/summary/summarizer.js';

interface Received {
  method: string;
  headers: IncomingMessage['headers'];
  body: string;
}

const servers: Server[] = [];

/** A fake summariser endpoint on 127.0.0.1 that records requests. */
async function startServer(handler: (req: IncomingMessage, res: ServerResponse, body: string) => void): Promise<{ url: string; received: Received[] }> {
  const received: Received[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    req.on('end', () => {
      received.push({ method: req.method ?? '', headers: req.headers, body });
      handler(req, res, body);
    });
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/summarize`, received };
}

afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((resolve) => {
    s.closeAllConnections();
    s.close(resolve);
  })));
});

const item = {
  title: 'Regulator fines retailer',
  description: '<p>The data protection authority fined the retailer €2m for tracking shoppers without consent. It has 30 days to appeal.</p>',
};

describe('createExternalSummarizer', () => {
  it('posts the title and cleaned lead with the bearer key, and cleans and bounds the answer', async () => {
    const { url, received } = await startServer((_req, res) => {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ summary: `<b>Retailer fined</b> &amp; ${'ordered to stop tracking '.repeat(20)}` }));
    });
    const summary = await createExternalSummarizer({ url, apiKey: 'secret-key' }).summarize(item);
    expect(received).toHaveLength(1);
    expect(received[0]!.method).toBe('POST');
    expect(received[0]!.headers.authorization).toBe('Bearer secret-key');
    expect(received[0]!.headers['content-type']).toBe('application/json');
    expect(JSON.parse(received[0]!.body)).toEqual({
      title: 'Regulator fines retailer',
      text: 'The data protection authority fined the retailer €2m for tracking shoppers without consent. It has 30 days to appeal.',
    });
    expect(summary.startsWith('Retailer fined & ordered to stop tracking')).toBe(true);
    expect(summary.length).toBeLessThanOrEqual(280);
    expect(summary).not.toMatch(/<|&amp;/);
  });

  it('sends at most maxInputChars of text and nothing but title and text', async () => {
    const { url, received } = await startServer((_req, res) => res.end('{"summary":"ok"}'));
    await createExternalSummarizer({ url, maxInputChars: 50 }).summarize({ title: 'T', description: 'word '.repeat(100) });
    const body = JSON.parse(received[0]!.body) as Record<string, string>;
    expect(Object.keys(body)).toEqual(['title', 'text']);
    expect(body.text!.length).toBeLessThanOrEqual(50);
    expect(received[0]!.headers.authorization).toBeUndefined();
  });

  it.each([
    ['an HTTP error', (_req: IncomingMessage, res: ServerResponse) => { res.statusCode = 503; res.end('busy'); }, 'http 503'],
    ['invalid JSON', (_req: IncomingMessage, res: ServerResponse) => res.end('not json'), 'invalid json'],
    ['an empty summary', (_req: IncomingMessage, res: ServerResponse) => res.end('{"summary":"  "}'), 'empty summary'],
    ['a wrong shape', (_req: IncomingMessage, res: ServerResponse) => res.end('{"text":"x"}'), 'empty summary'],
  ])('falls back to the extractive summary on %s', async (_name, handler, reason) => {
    const { url } = await startServer(handler);
    const reasons: string[] = [];
    const summary = await createExternalSummarizer({ url, onFallback: (r) => reasons.push(r) }).summarize(item);
    expect(summary).toBe(summarize(item));
    expect(reasons).toEqual([reason]);
  });

  it('falls back on timeout', async () => {
    const { url } = await startServer(() => undefined); // never answers
    const reasons: string[] = [];
    const summary = await createExternalSummarizer({ url, timeoutMs: 100, onFallback: (r) => reasons.push(r) }).summarize(item);
    expect(summary).toBe(summarize(item));
    expect(reasons).toEqual(['timeout']);
  });

  it('refuses redirects, so the text never reaches another host', async () => {
    const elsewhere = await startServer((_req, res) => res.end('{"summary":"leaked"}'));
    const { url } = await startServer((_req, res) => {
      res.statusCode = 307;
      res.setHeader('location', elsewhere.url);
      res.end();
    });
    const summary = await createExternalSummarizer({ url }).summarize(item);
    expect(summary).toBe(summarize(item));
    expect(elsewhere.received).toHaveLength(0);
  });

  it('falls back when nothing listens', async () => {
    const { url } = await startServer(() => undefined);
    await new Promise((resolve) => servers.pop()!.close(resolve));
    const reasons: string[] = [];
    expect(await createExternalSummarizer({ url, onFallback: (r) => reasons.push(r) }).summarize(item)).toBe(summarize(item));
    expect(reasons).toEqual(['network']);
  });

  it('does not call the endpoint for an item without text', async () => {
    const { url, received } = await startServer((_req, res) => res.end('{"summary":"x"}'));
    expect(await createExternalSummarizer({ url }).summarize({ title: 'Only title' })).toBe('');
    expect(received).toHaveLength(0);
  });
});

describe('extractive summariser and request body', () => {
  it('is the default, offline summariser', async () => {
    expect(extractiveSummarizer.kind).toBe('extractive');
    expect(await extractiveSummarizer.summarize(item)).toBe(summarize(item));
  });

  it('prefers the content when the description is too short to summarise', () => {
    expect(externalRequestBody({ title: 'T', description: 'Short.', content: 'Long content lead. '.repeat(10) }).text).toMatch(/^Long content lead\./);
  });
});
