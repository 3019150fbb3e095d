/**
 * The summariser port. The default is the extractive, offline `summarize`; an external HTTP
 * summariser (./external-summarizer.ts) can replace it when an operator opts in.
 */
import { summarize, type SummaryInput } from './summarize.js';

/** Produces an item's summary; implementations must never reject. */
export interface Summarizer {
  readonly kind: 'extractive' | 'external';
  summarize(input: SummaryInput): Promise<string>;
}

/** The default summariser: extractive, deterministic, no network. */
export const extractiveSummarizer: Summarizer = {
  kind: 'extractive',
  summarize: async (input) => summarize(input),
};
