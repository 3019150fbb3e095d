import type { Migration } from './migration.js';
import { coreMigration } from './001-core.js';
import { searchMigration } from './002-search.js';
import { titleSearchMigration } from './003-title-search.js';

/** Every migration in order. Append only: never edit one that has shipped. */
export const MIGRATIONS: readonly Migration[] = [coreMigration, searchMigration, titleSearchMigration];

/** The schema version this code expects. */
export const LATEST_VERSION = MIGRATIONS[MIGRATIONS.length - 1]?.version ?? 0;
