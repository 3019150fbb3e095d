import type { Destination } from '../../core/types.js';
import type { InstallationRepository } from '../store.js';
import type { SqlExecutor } from '../sql/executor.js';
import type { PayloadCipher } from '../crypto/payload-cipher.js';
import { StoreError } from '../store-error.js';
import { DESTINATION_WHERE, destinationParams } from './destination.js';

interface InstallationRow {
  payload: string;
  encrypted: number;
}

/**
 * Installations (tokens, conversation references). With a cipher, payloads are written
 * encrypted; rows written before a key was configured are still readable and get encrypted on
 * their next save.
 */
export function createInstallationRepository(db: SqlExecutor, cipher: PayloadCipher | null): InstallationRepository {
  const aad = (platform: string, key: string): string => `installation\u0000${platform}\u0000${key}`;
  // After a deletion the WAL still holds the page images with the old token: fold it into the
  // database (whose freed content secure_delete zeroes) and truncate it.
  const forgetDeleted = async () => {
    if (db.dialect === 'sqlite') await db.exec('PRAGMA wal_checkpoint(TRUNCATE)');
  };
  return {
    save: async (platform, key, workspaceId, payload, now) => {
      const json = JSON.stringify(payload ?? null);
      const stored = cipher ? cipher.encrypt(json, aad(platform, key)) : json;
      await db.run(
        `INSERT INTO installations (platform, install_key, workspace_id, payload, encrypted, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (platform, install_key) DO UPDATE SET workspace_id = excluded.workspace_id, payload = excluded.payload,
           encrypted = excluded.encrypted, updated_at = excluded.updated_at`,
        [platform, key, workspaceId, stored, cipher ? 1 : 0, now.getTime(), now.getTime()],
      );
    },
    get: async (platform, key) => {
      const row = await db.get<InstallationRow>('SELECT payload, encrypted FROM installations WHERE platform = ? AND install_key = ?', [platform, key]);
      if (!row) return null;
      if (Number(row.encrypted) !== 1) return JSON.parse(row.payload) as unknown;
      if (!cipher) throw new StoreError('store/encryption-key', 'An installation is stored encrypted but ENCRYPTION_KEY is not set. Set the key it was saved with.');
      return JSON.parse(cipher.decrypt(row.payload, aad(platform, key))) as unknown;
    },
    delete: async (platform, key) => {
      await db.run('DELETE FROM installations WHERE platform = ? AND install_key = ?', [platform, key]);
      await forgetDeleted();
    },
    purgeWorkspace: async (platform, workspaceId) => {
      await db.transaction(async (tx) => {
        for (const table of ['installations', 'subscriptions', 'watches', 'mutes', 'outbox', 'feedback']) {
          await tx.run(`DELETE FROM ${table} WHERE platform = ? AND workspace_id = ?`, [platform, workspaceId]);
        }
        // Sources the workspace added from chat, with their items (item_topics cascade; the
        // search index follows by trigger on SQLite and by the generated column on PostgreSQL).
        const owned = 'SELECT id FROM feeds WHERE owner_platform = ? AND owner_workspace_id = ?';
        await tx.run(`DELETE FROM item_topics WHERE item_id IN (SELECT id FROM items WHERE feed_id IN (${owned}))`, [platform, workspaceId]);
        await tx.run(`DELETE FROM items WHERE feed_id IN (${owned})`, [platform, workspaceId]);
        await tx.run('DELETE FROM feeds WHERE owner_platform = ? AND owner_workspace_id = ?', [platform, workspaceId]);
      });
      await forgetDeleted();
    },
    purgeDestination: async (destination: Destination) => {
      await db.transaction(async (tx) => {
        for (const table of ['subscriptions', 'watches', 'mutes', 'outbox', 'feedback']) {
          await tx.run(`DELETE FROM ${table} WHERE ${DESTINATION_WHERE}`, destinationParams(destination));
        }
        // A conversation reference is saved under the conversation's id as its key (Teams).
        await tx.run('DELETE FROM installations WHERE platform = ? AND workspace_id = ? AND install_key = ?', destinationParams(destination));
      });
      await forgetDeleted();
    },
  };
}
