/**
 * Optional external summariser, off by default. When configured it POSTs one item's title and
 * the lead of its text (at most `maxInputChars`) as JSON to `url`, with the API key as a bearer
 * token, and expects `{"summary": "..."}` back. Anything else (timeout, HTTP error, redirect,
 * bad JSON, empty text) falls back to the extractive summary. Its output is cleaned and bounded
 * by the same rules as extractive summaries. What leaves the machine: see docs/tagging.md.
 */
import { toPlainText, truncateAtWord } from '../text/plain-text.js';
import { cleanSummarySource, MAX_SUMMARY_CHARS, summarize, type SummaryInput } from './summarize.js';
import type { Summarizer } from './summarizer.js';

/** Settings for the external summariser. */
export interface ExternalSummarizerOptions {
  /** http(s) endpoint receiving POST {title, text}. */
  url: string;
  /** Sent as `Authorization: Bearer <apiKey>`; never logged. */
  apiKey?: string;
  /** Per-request limit; default 5 s. */
  timeoutMs?: number;
  /** Characters of item text sent at most; default 2,000. */
  maxInputChars?: number;
  /** Called with a short reason when falling back (for logs/metrics; no item text). */
  onFallback?: (reason: string) => void;
  fetch?: typeof fetch;
}

/** The exact JSON body posted for an item (exported so tests and docs can show it). */
export function externalRequestBody(input: SummaryInput, maxInputChars = 2_000): { title: string; text: string } {
  const description = cleanSummarySource(input.description);
  const text = description.length >= 80 ? description : cleanSummarySource(input.content) || description;
  return { title: toPlainText(input.title), text: truncateAtWord(text, maxInputChars) };
}

/** Creates a summariser that asks an HTTP endpoint first and falls back to the extractive one. */
export function createExternalSummarizer(options: ExternalSummarizerOptions): Summarizer {
  const doFetch = options.fetch ?? fetch;
  const timeoutMs = options.timeoutMs ?? 5_000;
  const fallback = (input: SummaryInput, reason: string): string => {
    options.onFallback?.(reason);
    return summarize(input);
  };
  return {
    kind: 'external',
    async summarize(input) {
      const body = externalRequestBody(input, options.maxInputChars);
      if (!body.text) return summarize(input);
      let response: Response;
      try {
        response = await doFetch(options.url, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            accept: 'application/json',
            ...(options.apiKey ? { authorization: `Bearer ${options.apiKey}` } : {}),
          },
          body: JSON.stringify(body),
          // A redirect could hand the item text to another host: refuse it.
          redirect: 'error',
          signal: AbortSignal.timeout(timeoutMs),
        });
      } catch (error) {
        return fallback(input, (error as Error).name === 'TimeoutError' ? 'timeout' : 'network');
      }
      if (!response.ok) {
        await response.body?.cancel().catch(() => undefined);
        return fallback(input, `http ${response.status}`);
      }
      let data: unknown;
      try {
        data = await response.json();
      } catch {
        return fallback(input, 'invalid json');
      }
      const summary = typeof data === 'object' && data !== null ? (data as { summary?: unknown }).summary : undefined;
      const clean = typeof summary === 'string' ? toPlainText(summary) : '';
      if (!clean) return fallback(input, 'empty summary');
      return truncateAtWord(clean, MAX_SUMMARY_CHARS);
    },
  };
}
