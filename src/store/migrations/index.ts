import type { Migration } from './migration.js';
import { coreMigration } from './001-core.js';
import { searchMigration } from './002-search.js';
import { titleSearchMigration } from './003-title-search.js';
import { routingMarkerMigration } from './004-routing-marker.js';
import { onePollTransactionMigration } from './005-one-poll-transaction.js';
import { outboxFailuresMigration } from './006-outbox-failures.js';
import { regionsMigration } from './007-regions.js';
import { channelRulesMigration } from './008-channel-rules.js';
import { feedbackMigration } from './009-feedback.js';

/**
 * Every migration in order. Append only: never edit one that has shipped. A version missing from
 * a database is applied even when a later one already is (two branches may add neighbours).
 */
export const MIGRATIONS: readonly Migration[] = [
  coreMigration, searchMigration, titleSearchMigration, routingMarkerMigration, onePollTransactionMigration, outboxFailuresMigration,
  regionsMigration,
  channelRulesMigration,
  feedbackMigration,
];

/** The schema version this code expects. */
export const LATEST_VERSION = MIGRATIONS[MIGRATIONS.length - 1]?.version ?? 0;
