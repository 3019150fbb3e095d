import { hostname } from 'node:os';
import type { ChatMessage } from '../chat/message.js';
import type { Clock } from '../core/clock.js';
import type { Logger } from '../core/logger.js';
import type { Destination, DigestSchedule } from '../core/types.js';
import { createDigestActions, createDigestScheduler, defaultDigestSchedule, renderDigestRow } from '../digest/index.js';
import type { OutboxRow, Store } from '../store/store.js';

/** The digest features the rest of the app uses, bound to one store, clock and taxonomy. */
export interface DigestFunctions {
  defaultSchedule: DigestSchedule;
  preview(destination: Destination): Promise<ChatMessage>;
  sendNow(destination: Destination): Promise<ChatMessage>;
  /** Enqueues due digests (run every minute and once on start). */
  runDue(): Promise<number>;
  /** The outbox renderer for kind 'digest'. */
  renderDigestRow(row: OutboxRow): Promise<ChatMessage | null>;
}

export function createDigestFunctions(deps: {
  store: Store;
  clock: Clock;
  logger: Logger;
  timeZone: string;
  topics: ReadonlyArray<{ id: string; label: string }>;
}): DigestFunctions {
  const digestDeps = { store: deps.store, clock: deps.clock, topics: deps.topics };
  const actions = createDigestActions(digestDeps);
  const scheduler = createDigestScheduler({ store: deps.store, clock: deps.clock, logger: deps.logger, leaseHolder: `${hostname()}:${process.pid}` });
  return {
    defaultSchedule: defaultDigestSchedule(deps.timeZone),
    preview: actions.preview,
    sendNow: actions.sendNow,
    runDue: () => scheduler.runDue(),
    renderDigestRow: (row) => renderDigestRow(row, digestDeps),
  };
}
