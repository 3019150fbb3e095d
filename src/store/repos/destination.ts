import type { Destination, Platform } from '../../core/types.js';

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
