import type { Store } from '../../src/store/store.js';
import { registerFeedBehaviour } from './behaviour/feeds.js';
import { registerItemBehaviour } from './behaviour/items.js';
import { registerSearchBehaviour } from './behaviour/search.js';
import { registerSubscriptionBehaviour } from './behaviour/subscriptions.js';
import { registerInstallationBehaviour } from './behaviour/installations.js';
import { registerOutboxBehaviour } from './behaviour/outbox.js';
import { registerLeaseBehaviour } from './behaviour/leases.js';
import { registerPruneBehaviour } from './behaviour/prune.js';
import { registerListedItemsBehaviour } from './behaviour/listed-items.js';
import { registerTransactionBehaviour } from './behaviour/transaction.js';
import { registerWebReadBehaviour } from './behaviour/web-reads.js';
import { registerOversizedTextBehaviour } from './behaviour/oversized-text.js';
import { registerRegionBehaviour } from './behaviour/regions.js';
import { registerChannelRuleBehaviour } from './behaviour/channel-rules.js';
import { registerFeedbackBehaviour } from './behaviour/feedback.js';

/** A freshly migrated, empty store and how to dispose of it. */
export interface StoreFixture {
  store: Store;
  cleanup(): Promise<void>;
}

/** Creates a fresh fixture per test. */
export type StoreFactory = () => Promise<StoreFixture>;

/**
 * The one behaviour suite every Store implementation must pass. Each test file calls this with
 * its own factory (SQLite in memory, SQLite file, PostgreSQL schema).
 */
export function registerStoreBehaviour(factory: StoreFactory): void {
  registerFeedBehaviour(factory);
  registerItemBehaviour(factory);
  registerSearchBehaviour(factory);
  registerSubscriptionBehaviour(factory);
  registerInstallationBehaviour(factory);
  registerOutboxBehaviour(factory);
  registerLeaseBehaviour(factory);
  registerPruneBehaviour(factory);
  registerListedItemsBehaviour(factory);
  registerTransactionBehaviour(factory);
  registerWebReadBehaviour(factory);
  registerOversizedTextBehaviour(factory);
  registerRegionBehaviour(factory);
  registerChannelRuleBehaviour(factory);
  registerFeedbackBehaviour(factory);
}
