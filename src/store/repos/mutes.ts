import type { Destination, Mute } from '../../core/types.js';
import type { MuteRepository } from '../store.js';
import type { SqlExecutor } from '../sql/executor.js';
import { DESTINATION_WHERE, destinationParams, toDestination } from './destination.js';

interface MuteRow {
  platform: string;
  workspace_id: string;
  channel_id: string;
  kind: string;
  value: string;
}

function toMute(row: { kind: string; value: string }): Mute {
  return row.kind === 'source' ? { kind: 'source', feedId: row.value } : { kind: 'query', query: row.value };
}

function muteValue(mute: Mute): [string, string] {
  return mute.kind === 'source' ? ['source', mute.feedId] : ['query', mute.query];
}

/** A channel's mutes: sources and queries whose items are never posted there (still searchable). */
export function createMuteRepository(db: SqlExecutor): MuteRepository {
  return {
    add: (destination, mute, now, limit) =>
      db.transaction(async (tx) => {
        const rows = await tx.all<{ kind: string; value: string }>(`SELECT kind, value FROM mutes WHERE ${DESTINATION_WHERE}`, destinationParams(destination));
        const [kind, value] = muteValue(mute);
        if (rows.some((row) => row.kind === kind && row.value === value)) return 'exists';
        if (rows.length >= limit) return 'limit';
        await tx.run('INSERT INTO mutes (platform, workspace_id, channel_id, kind, value, created_at) VALUES (?, ?, ?, ?, ?, ?)', [
          ...destinationParams(destination), kind, value, now.getTime(),
        ]);
        return 'added';
      }),
    remove: (destination, mute) =>
      mute === 'all'
        ? db.run(`DELETE FROM mutes WHERE ${DESTINATION_WHERE}`, destinationParams(destination))
        : db.run(`DELETE FROM mutes WHERE ${DESTINATION_WHERE} AND kind = ? AND value = ?`, [...destinationParams(destination), ...muteValue(mute)]),
    list: async (destination: Destination) =>
      (await db.all<MuteRow>(`SELECT kind, value FROM mutes WHERE ${DESTINATION_WHERE} ORDER BY created_at, kind, value`, destinationParams(destination))).map(toMute),
    active: async () =>
      (await db.all<MuteRow>(
        `SELECT m.platform, m.workspace_id, m.channel_id, m.kind, m.value FROM mutes m
           JOIN subscriptions s ON s.platform = m.platform AND s.workspace_id = m.workspace_id AND s.channel_id = m.channel_id
          WHERE s.status = 'active' ORDER BY m.platform, m.workspace_id, m.channel_id, m.created_at`,
      )).map((row) => ({ destination: toDestination(row), mute: toMute(row) })),
  };
}
