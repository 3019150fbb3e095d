import { systemClock, type Clock } from '../core/clock.js';
import type { Store } from './store.js';
import type { SqlExecutor } from './sql/executor.js';
import type { PayloadCipher } from './crypto/payload-cipher.js';
import { runMigrations } from './migrations/run-migrations.js';
import { createFeedRepository } from './repos/feeds.js';
import { createItemRepository } from './repos/items.js';
import { createSubscriptionRepository } from './repos/subscriptions.js';
import { createWatchRepository } from './repos/watches.js';
import { createMuteRepository } from './repos/mutes.js';
import { createInstallationRepository } from './repos/installations.js';
import { createOutboxRepository } from './repos/outbox.js';
import { createLeaseRepository } from './repos/leases.js';
import { createFeedbackRepository } from './repos/feedback.js';
import { createWebReadRepository } from './repos/web-reads.js';
import { pruneStore } from './repos/prune.js';

/** Assembles the Store from an executor; the same repositories serve both dialects. */
export function createSqlStore(db: SqlExecutor, cipher: PayloadCipher | null, clock: Clock = systemClock): Store {
  return {
    dialect: db.dialect,
    migrate: async () => {
      await runMigrations(db, undefined, clock);
    },
    ping: () => db.ping(),
    close: () => db.close(),
    feeds: createFeedRepository(db, clock),
    items: createItemRepository(db),
    subscriptions: createSubscriptionRepository(db, clock),
    watches: createWatchRepository(db),
    mutes: createMuteRepository(db),
    installations: createInstallationRepository(db, cipher),
    outbox: createOutboxRepository(db, clock),
    leases: createLeaseRepository(db),
    feedback: createFeedbackRepository(db),
    web: createWebReadRepository(db),
    prune: (now, retentionDays) => pruneStore(db, now, retentionDays),
    transaction: (fn) => db.transaction((tx) => fn(createSqlStore(tx, cipher, clock))),
  };
}
