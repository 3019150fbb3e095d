import type { FeedState } from '../../core/types.js';
import { parseJson } from './json.js';

const DATE_FIELDS = ['nextCheckAt', 'lastCheckAt', 'lastSuccessAt', 'lastErrorAt', 'failingNoticeAt'] as const;

/** The state of a feed that has never been polled. */
export function initialFeedState(): FeedState {
  return {
    etag: null,
    lastModified: null,
    bodyHash: null,
    fetchUrl: null,
    nextCheckAt: null,
    lastCheckAt: null,
    lastSuccessAt: null,
    health: 'new',
    lastError: null,
    lastErrorAt: null,
    consecutiveFailures: 0,
    initialized: false,
    failingNoticeAt: null,
  };
}

/** Serialises state to the JSON column (dates as ISO strings). */
export function serializeFeedState(state: FeedState): string {
  return JSON.stringify(state);
}

/** Reads the JSON column back, reviving dates and filling fields added later with defaults. */
export function parseFeedState(text: string): FeedState {
  const raw = parseJson<Record<string, unknown>>(text, {});
  const state = { ...initialFeedState(), ...raw } as FeedState;
  for (const field of DATE_FIELDS) {
    const value = raw[field];
    state[field] = typeof value === 'string' || typeof value === 'number' ? new Date(value) : null;
  }
  return state;
}
