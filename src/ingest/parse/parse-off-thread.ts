/**
 * Parses large feed documents on one worker thread. Parsing and normalising a multi-megabyte feed
 * is a single synchronous step (about 0.7 s for 10,000 items), long enough to stall health checks
 * and Slack's 3-second acknowledgements; on the worker the main loop keeps answering. Small
 * documents are parsed inline, where the hand-off would cost more than it saves. If the worker
 * cannot start (a runtime that cannot load it), parsing falls back to inline: slower to answer
 * requests during a big poll, never wrong.
 */
import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { parseFeed, type ParseResult } from './parse-feed.js';
import type { ParseJob } from './parse-worker.js';

/** Documents of at least this many characters go to the worker. */
export const OFF_THREAD_MIN_CHARS = 256 * 1024;

/** Parses feed documents, large ones off the main thread. */
export interface FeedParser {
  parse(body: string, baseUrl: string, now: Date): Promise<ParseResult>;
  /** Where documents were parsed so far (metrics, tests). */
  counts(): { worker: number; inline: number };
  close(): Promise<void>;
}

interface PendingJob {
  job: ParseJob;
  resolve(result: ParseResult): void;
}


/** Creates a parser with a lazily started worker; `minChars` 0 sends every document to it. */
export function createFeedParser(options: { minChars?: number } = {}): FeedParser {
  const minChars = options.minChars ?? OFF_THREAD_MIN_CHARS;
  const pending = new Map<number, PendingJob>();
  let worker: Worker | null = null;
  let unavailable = false;
  let nextId = 0;
  const parsedOn = { worker: 0, inline: 0 };

  function parseInline(job: ParseJob): ParseResult {
    parsedOn.inline += 1;
    return parseFeed(job.body, job.baseUrl, { now: new Date(job.now) });
  }

  // The worker is gone: answer what it held inline, and never start another.
  function giveUp(): void {
    unavailable = true;
    worker = null;
    for (const { job, resolve } of pending.values()) resolve(parseInline(job));
    pending.clear();
  }

  function startWorker(): Worker | null {
    if (worker || unavailable) return worker;
    try {
      // Same extension as this module: .js once compiled; .ts when run from source (npm start,
      // tests), where the worker first registers the TypeScript loader the main thread uses.
      const extension = extname(fileURLToPath(import.meta.url));
      const entry = new URL(`./parse-worker${extension}`, import.meta.url);
      const started =
        extension === '.ts'
          ? new Worker(`import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(entry.href)}); });`, { eval: true })
          : new Worker(entry);
      started.unref(); // an idle parser never keeps the process alive
      started.on('message', ({ id, result }: { id: number; result: ParseResult }) => {
        const waiting = pending.get(id);
        pending.delete(id);
        if (waiting) parsedOn.worker += 1;
        waiting?.resolve(result);
      });
      started.on('error', giveUp);
      started.on('exit', () => {
        if (worker === started) giveUp();
      });
      worker = started;
    } catch {
      giveUp();
    }
    return worker;
  }

  return {
    parse(body, baseUrl, now) {
      const job: ParseJob = { id: nextId++, body, baseUrl, now: now.getTime() };
      const thread = body.length >= minChars ? startWorker() : null;
      if (!thread) return Promise.resolve(parseInline(job));
      return new Promise((resolve) => {
        pending.set(job.id, { job, resolve });
        thread.ref(); // keep the process alive while a parse is in flight
        thread.postMessage(job);
      }).finally(() => {
        if (pending.size === 0) worker?.unref();
      }) as Promise<ParseResult>;
    },
    counts: () => ({ ...parsedOn }),
    async close() {
      const current = worker;
      worker = null;
      unavailable = true;
      for (const { job, resolve } of pending.values()) resolve(parseInline(job));
      pending.clear();
      if (current) await current.terminate();
    },
  };
}
