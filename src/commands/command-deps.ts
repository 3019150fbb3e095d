import type { ChatMessage } from '../chat/message.js';
import type { Clock } from '../core/clock.js';
import type { Logger } from '../core/logger.js';
import type { Destination, DigestSchedule, FeedHealth } from '../core/types.js';
import type { Store } from '../store/store.js';
import type { TopicDefinition } from '../tagging/taxonomy.js';

/** Digest actions supplied by src/digest/ (wired by the composition root). */
export interface DigestActions {
  /** The channel's next digest, shown only to the person asking. */
  preview(destination: Destination): Promise<ChatMessage>;
  /** Posts the digest to the channel now; returns the confirmation for the asker. */
  sendNow(destination: Destination): Promise<ChatMessage>;
}

/** One line of `feeds`. */
export interface FeedSummary {
  name: string;
  health: FeedHealth;
  lastSuccessAt: Date | null;
  /** Short error code when failing (e.g. "timeout"). */
  lastError: string | null;
  /** The feed's state in plain words ("DNS lookup failed, next try 20:05; last success ..."). */
  status?: string;
}

/** Limits for `latest`: default and maximum counts (5 and 20, docs/commands.md). */
export interface CommandLimits {
  latestDefault: number;
  latestMax: number;
}

/** Everything the command core needs; no platform code. */
export interface CommandDeps {
  store: Store;
  clock: Clock;
  logger: Logger;
  /** The taxonomy (defaultTopics() plus feeds.json overrides). */
  topics: readonly TopicDefinition[];
  digestDefaults: DigestSchedule;
  limits?: CommandLimits;
  digest?: DigestActions;
  /** Source health for `feeds`; defaults to reading store.feeds. */
  feedsSummary?: () => Promise<FeedSummary[]>;
}

/** `latest` shows 5 items by default and at most 20, enough to scan without flooding a channel. */
export const DEFAULT_LIMITS: CommandLimits = { latestDefault: 5, latestMax: 20 };
