import type { ChatPort } from '../chat/chat-port.js';
import type { Clock } from '../core/clock.js';
import type { Logger } from '../core/logger.js';
import type { Platform } from '../core/types.js';
import type { Store } from '../store/store.js';
import type { DispatcherOptions } from './dispatch-options.js';
import type { Limiter } from './limiter.js';
import type { Pacer } from './pacer.js';
import type { RendererRegistry } from './renderers.js';

/** Counts of one runOnce (or the sum of several). */
export interface DispatchStats {
  claimed: number;
  sent: number;
  /** Rows scheduled for another attempt after a failed send (429, 5xx, network). */
  retried: number;
  /** Rows released unsent because their channel's pacing slot was taken. */
  paced: number;
  /** Rows of paused channels/workspaces, kept for resending after resume. */
  parked: number;
  /** Rows rolled up into one rollup message (hourly cap). */
  rolledUp: number;
  dead: number;
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
  /** Workspaces whose credentials were revoked during the current run: park, don't send. */
  revoked: Set<string>;
}

/** All-zero stats. */
export function emptyStats(): DispatchStats {
  return { claimed: 0, sent: 0, retried: 0, paced: 0, parked: 0, rolledUp: 0, dead: 0 };
}
