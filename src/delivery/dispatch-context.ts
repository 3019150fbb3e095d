/**
 * What one dispatcher keeps for its whole life: its options (with their defaults), the counts a
 * pass reports, per-channel pacing and the concurrency caps. Pacing and the caps are in memory,
 * per process; everything that must survive a crash is in the outbox row.
 */
import type { ChatPort } from '../chat/chat-port.js';
import type { Clock } from '../core/clock.js';
import type { Logger } from '../core/logger.js';
import type { Platform } from '../core/types.js';
import type { Store } from '../store/store.js';
import type { RendererRegistry } from './render.js';

/** Tuning of the dispatcher; every field has a documented default (docs/delivery.md). */
export interface DispatcherOptions {
  /** Names this process's claims; defaults to pid + random suffix. */
  workerId: string;
  /** Rows claimed per runOnce. */
  batchSize: number;
  /** How long a claim lasts before another worker may take the row over. */
  claimMs: number;
  /** Sends in flight at once, across all workspaces. */
  concurrency: number;
  /** Sends in flight at once per workspace/tenant. */
  workspaceConcurrency: number;
  /** Minimum gap between two messages to one channel, per platform. */
  channelIntervalMs: Record<Platform, number>;
  /** Posts per channel per rolling hour before items are rolled up. */
  hourlyCap: number;
  /** Failed sends (`transient` outcomes) before a row is marked dead; 429s never count. */
  maxAttempts: number;
  backoffBaseMs: number;
  backoffMaxMs: number;
  /** How often parked rows of a paused channel are looked at again. */
  parkRecheckMs: number;
  /** Parked rows older than this are marked dead (their items are still in the digest). */
  parkMaxMs: number;
  /** Jitter source (tests pass a fixed one). */
  random: () => number;
}

/**
 * Slack allows about 1 message per second per channel for chat.postMessage; Teams about 7/s but
 * 1800/hour per conversation, so ~1/s is the sustainable rate for both.
 */
export const DEFAULT_DISPATCHER_OPTIONS: Omit<DispatcherOptions, 'workerId'> = {
  batchSize: 100,
  claimMs: 60_000,
  concurrency: 8,
  workspaceConcurrency: 4,
  channelIntervalMs: { slack: 1_100, teams: 1_000, console: 0 },
  hourlyCap: 10,
  maxAttempts: 16,
  backoffBaseMs: 5_000,
  backoffMaxMs: 15 * 60_000,
  // Short enough that a resumed channel gets its parked posts within minutes; a recheck is one claim.
  parkRecheckMs: 2 * 60_000,
  parkMaxMs: 7 * 24 * 3_600_000,
  random: Math.random,
};

/** Defaults merged with the caller's options. */
export function resolveDispatcherOptions(options: Partial<DispatcherOptions> = {}): DispatcherOptions {
  return {
    ...DEFAULT_DISPATCHER_OPTIONS,
    workerId: `dispatcher-${process.pid}-${Math.random().toString(36).slice(2, 8)}`,
    ...options,
    channelIntervalMs: { ...DEFAULT_DISPATCHER_OPTIONS.channelIntervalMs, ...options.channelIntervalMs },
  };
}

/** Counts of one runOnce (or the sum of several). */
export interface DispatchStats {
  claimed: number;
  sent: number;
  /** Rows scheduled for another attempt after a 429 or a transient failure. */
  retried: number;
  /** Rows released unsent: the channel's pacing slot was taken, or a reply waits for its lead post. */
  paced: number;
  /** Rows of paused channels/workspaces, kept for resending after resume. */
  parked: number;
  /** Rows rolled up into one rollup message (hourly cap). */
  rolledUp: number;
  dead: number;
}

/** All-zero stats. */
export function emptyStats(): DispatchStats {
  return { claimed: 0, sent: 0, retried: 0, paced: 0, parked: 0, rolledUp: 0, dead: 0 };
}

/** Everything the per-channel work shares during one dispatcher's life. */
export interface DispatchContext {
  store: Store;
  ports: ReadonlyMap<Platform, ChatPort>;
  clock: Clock;
  logger: Logger;
  renderers: RendererRegistry;
  options: DispatcherOptions;
  pacer: Pacer;
  global: Limiter;
  workspaceLimiter(workspace: string): Limiter;
  /** Workspaces whose credentials were revoked during the current pass, with the reason: park, don't send. */
  revoked: Map<string, string>;
}

/**
 * Per-channel pacing: a channel may get its next message only after its interval, or after the
 * Retry-After of its last 429. Reserving is synchronous, so concurrent passes in one process
 * never post two messages to one channel inside the interval.
 */
export interface Pacer {
  /** Takes the channel's next slot if it is free at `now` (returns null); else the time it frees. */
  reserve(key: string, now: Date, intervalMs: number): Date | null;
  /** Holds the channel until `until` (429 Retry-After, backoff). */
  hold(key: string, until: Date): void;
}

/** Creates an empty pacer. */
export function createPacer(): Pacer {
  const nextAt = new Map<string, number>();
  return {
    reserve(key, now, intervalMs) {
      const next = nextAt.get(key) ?? 0;
      if (next > now.getTime()) return new Date(next);
      nextAt.set(key, now.getTime() + intervalMs);
      return null;
    },
    hold(key, until) {
      nextAt.set(key, Math.max(nextAt.get(key) ?? 0, until.getTime()));
    },
  };
}

/** Runs at most `max` tasks at once; the rest wait in order. */
export interface Limiter {
  run<T>(task: () => Promise<T>): Promise<T>;
}

/** A small counting semaphore (the global and per-workspace send caps). */
export function createLimiter(max: number): Limiter {
  let active = 0;
  const waiting: Array<() => void> = [];
  const release = (): void => {
    active -= 1;
    waiting.shift()?.();
  };
  return {
    async run(task) {
      if (active >= max) await new Promise<void>((resolve) => waiting.push(resolve));
      active += 1;
      try {
        return await task();
      } finally {
        release();
      }
    },
  };
}
