import type { Destination } from '../core/types.js';

/** "slack:T123:C456": one string per channel, for maps and dedup keys. */
export function destinationKey(destination: Destination): string {
  return `${destination.platform}:${destination.workspaceId}:${destination.channelId}`;
}

/** "slack:T123": one string per workspace/tenant. */
export function workspaceKey(destination: Destination): string {
  return `${destination.platform}:${destination.workspaceId}`;
}
