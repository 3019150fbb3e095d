import type { Platform } from '../core/types.js';

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
  /** Posts per channel per rolling hour before items are rolled up (default 10, docs/delivery.md). */
  hourlyCap: number;
  /** Failed sends (5xx, network) before a row is marked dead. */
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
 * 1800/hour per conversation, so ~1/s is the sustainable rate for both (docs/delivery.md).
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
