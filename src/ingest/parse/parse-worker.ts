/** Worker-thread entry: parses feed documents away from the main event loop (see parse-off-thread.ts). */
import { parentPort } from 'node:worker_threads';
import { parseFeed, type ParseResult } from './parse-feed.js';

/** One document to parse; `now` in epoch milliseconds. */
export interface ParseJob {
  id: number;
  body: string;
  baseUrl: string;
  now: number;
}

parentPort?.on('message', (job: ParseJob) => {
  let result: ParseResult;
  try {
    result = parseFeed(job.body, job.baseUrl, { now: new Date(job.now) });
  } catch (err) {
    result = { status: 'error', kind: 'parse_error', message: err instanceof Error ? err.message : String(err) };
  }
  parentPort?.postMessage({ id: job.id, result });
});
