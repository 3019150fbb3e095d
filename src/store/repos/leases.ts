import type { LeaseRepository } from '../store.js';
import type { SqlExecutor } from '../sql/executor.js';

/**
 * Named leases for singleton work. One upsert decides atomically: a row is written only when
 * the lease is free, expired, or already ours (renewal), and RETURNING tells us whether it was.
 */
export function createLeaseRepository(db: SqlExecutor): LeaseRepository {
  return {
    acquire: async (name, holder, now, ttlMs) => {
      const row = await db.get<{ holder: string }>(
        `INSERT INTO leases (name, holder, expires_at) VALUES (?, ?, ?)
         ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, expires_at = excluded.expires_at
         WHERE leases.holder = excluded.holder OR leases.expires_at <= ?
         RETURNING holder`,
        [name, holder, now.getTime() + ttlMs, now.getTime()],
      );
      return row?.holder === holder;
    },
    release: async (name, holder) => {
      await db.run('DELETE FROM leases WHERE name = ? AND holder = ?', [name, holder]);
    },
  };
}
