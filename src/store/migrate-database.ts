import { openExecutor, type CreateStoreOptions } from './create-store.js';
import { runMigrations, type MigrationReport } from './migrations/run-migrations.js';

/**
 * Applies pending migrations to the database named by a DATABASE_URL value and reports what
 * changed (for `privacy-radar migrate`). Throws StoreError 'store/too-new' for a newer schema.
 */
export async function migrateDatabase(url: string | undefined, options: Omit<CreateStoreOptions, 'encryptionKey'> = {}): Promise<MigrationReport> {
  const db = openExecutor(url, options);
  try {
    return await runMigrations(db);
  } finally {
    await db.close();
  }
}
