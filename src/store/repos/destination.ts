import { destinationKey, type Destination, type Platform } from '../../core/types.js';

/** WHERE fragment for one destination's columns. */
export const DESTINATION_WHERE = 'platform = ? AND workspace_id = ? AND channel_id = ?';

/** The bound values for DESTINATION_WHERE. */
export function destinationParams(destination: Destination): [string, string, string] {
  return [destination.platform, destination.workspaceId, destination.channelId];
}

/** Rebuilds a Destination from its three columns. */
export function toDestination(row: { platform: string; workspace_id: string; channel_id: string }): Destination {
  return { platform: row.platform as Platform, workspaceId: row.workspace_id, channelId: row.channel_id };
}

/**
 * Several destinations as a table `wanted (platform, workspace_id, channel_id)` for a WITH clause,
 * in parts small enough for both engines' bound-variable limits. Joined on the destination
 * columns, each destination is one indexed probe (an OR of destinations can scan the table).
 */
export function wantedDestinations(destinations: readonly Destination[]): Array<{ cte: string; params: string[] }> {
  const unique = [...new Map(destinations.map((destination) => [destinationKey(destination), destination])).values()];
  const parts: Array<{ cte: string; params: string[] }> = [];
  for (let start = 0; start < unique.length; start += 200) {
    const part = unique.slice(start, start + 200);
    parts.push({ cte: `wanted (platform, workspace_id, channel_id) AS (VALUES ${part.map(() => '(?, ?, ?)').join(', ')})`, params: part.flatMap(destinationParams) });
  }
  return parts;
}
