/**
 * Permanent redirects (docs/ingestion.md R6): a 301/308 target seen on REDIRECT_CONFIRMATIONS
 * consecutive polls becomes the feed's fetchUrl. One sighting is not enough: a misconfigured
 * server for an afternoon must not move a feed for good.
 */
import type { FeedState } from '../../core/types.js';

/** Consecutive polls that must see the same permanent redirect before fetchUrl moves. */
export const REDIRECT_CONFIRMATIONS = 3;

/** State patch for a poll that saw `target` (or no permanent redirect), plus whether fetchUrl moves. */
export function trackRedirect(state: FeedState, target: string | null): { patch: Partial<FeedState>; moveTo: string | null } {
  if (!target) return { patch: state.permanentRedirect ? { permanentRedirect: null } : {}, moveTo: null };
  const count = state.permanentRedirect?.url === target ? state.permanentRedirect.count + 1 : 1;
  if (count >= REDIRECT_CONFIRMATIONS) return { patch: { fetchUrl: target, permanentRedirect: null }, moveTo: target };
  return { patch: { permanentRedirect: { url: target, count } }, moveTo: null };
}
