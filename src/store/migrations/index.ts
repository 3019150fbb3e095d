import type { Migration } from './migration.js';
import { coreMigration } from './001-core.js';
import { searchMigration } from './002-search.js';
import { titleSearchMigration } from './003-title-search.js';
import { routingMarkerMigration } from './004-routing-marker.js';
import { onePollTransactionMigration } from './005-one-poll-transaction.js';

/** Every migration in order. Append only: never edit one that has shipped. */
export const MIGRATIONS: readonly Migration[] = [coreMigration, searchMigration, titleSearchMigration, routingMarkerMigration, onePollTransactionMigration];

/** The schema version this code expects. */
export const LATEST_VERSION = MIGRATIONS[MIGRATIONS.length - 1]?.version ?? 0;
