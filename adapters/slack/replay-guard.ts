/**
 * Replay protection for POST /slack/events. A valid signature proves Slack sent the bytes, not
 * that they arrive once: anyone who captured a request could resend it inside the five-minute
 * window. We remember each accepted signature until its timestamp leaves the window (after that
 * the signature check refuses it anyway), and each Events API event id for an hour, because Slack
 * re-signs its retries (X-Slack-Retry-Num) with a new timestamp. Both memories are capped.
 */
import type { Clock } from '../../src/index.js';
import { MAX_SKEW_SECONDS } from './verify-signature.js';

/** What identifies one delivery. */
export interface SlackDelivery {
  signature: string;
  /** X-Slack-Request-Timestamp, Unix seconds. */
  timestamp: number;
  /** The Events API `event_id`, when the body has one. */
  eventId?: string;
}

/** Why a delivery is ignored, or null to run it. */
export type ReplayVerdict = 'replayed_signature' | 'repeated_event' | null;

/** The memory of recent deliveries. */
export interface ReplayGuard {
  /** Records a delivery; says whether it was already received. */
  check(delivery: SlackDelivery): ReplayVerdict;
  /** Entries held (tests). */
  size(): number;
}

/** Slack retries an event three times within about half an hour. */
const EVENT_MEMORY_MS = 60 * 60_000;

/** Creates a guard; `maxEntries` caps each of the two memories (oldest dropped first). */
export function createReplayGuard(options: { clock: Clock; maxEntries?: number }): ReplayGuard {
  const max = options.maxEntries ?? 10_000;
  const signatures = new Map<string, number>();
  const events = new Map<string, number>();

  const remember = (memory: Map<string, number>, key: string, expiresAt: number, now: number) => {
    // Entries go in roughly in expiry order, so dropping expired ones from the front is enough.
    for (const [oldKey, oldExpiry] of memory) {
      if (oldExpiry > now && memory.size < max) break;
      memory.delete(oldKey);
    }
    memory.set(key, expiresAt);
  };
  const seen = (memory: Map<string, number>, key: string, now: number) => (memory.get(key) ?? 0) > now;

  return {
    check(delivery) {
      const now = options.clock.now().getTime();
      const replayed = seen(signatures, delivery.signature, now);
      const repeated = delivery.eventId !== undefined && seen(events, delivery.eventId, now);
      if (!replayed) remember(signatures, delivery.signature, (delivery.timestamp + MAX_SKEW_SECONDS + 1) * 1000, now);
      if (delivery.eventId !== undefined && !repeated) remember(events, delivery.eventId, now + EVENT_MEMORY_MS, now);
      if (replayed) return 'replayed_signature';
      return repeated ? 'repeated_event' : null;
    },
    size: () => signatures.size + events.size,
  };
}
