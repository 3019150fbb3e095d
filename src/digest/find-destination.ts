import type { Destination, Platform } from '../core/types.js';
import type { Store } from '../store/store.js';

const PLATFORMS: readonly Platform[] = ['slack', 'teams', 'console'];

/** A channel found from `--channel`, or what was wrong with it. */
export type FoundDestination = { destination: Destination } | { problem: string };

/**
 * Resolves `slack:C123` (or `slack:T1:C123` when one channel id exists in several workspaces) to a
 * subscribed destination; the workspace comes from the stored subscription.
 */
export async function findDestination(store: Store, spec: string): Promise<FoundDestination> {
  const colon = spec.indexOf(':');
  const platform = spec.slice(0, colon) as Platform;
  const rest = spec.slice(colon + 1);
  if (colon < 1 || !PLATFORMS.includes(platform) || rest === '') {
    return { problem: `--channel: expected <platform>:<channel id> such as slack:C123 (platforms: ${PLATFORMS.join(', ')}), got "${spec}"` };
  }
  const subscriptions = await store.subscriptions.list({ platform });
  // Teams conversation ids contain colons themselves, so try the whole rest as a channel id first.
  const exact = subscriptions.filter((s) => s.destination.channelId === rest);
  const split = rest.indexOf(':');
  const withWorkspace =
    split > 0 ? subscriptions.filter((s) => s.destination.workspaceId === rest.slice(0, split) && s.destination.channelId === rest.slice(split + 1)) : [];
  const matches = exact.length > 0 ? exact : withWorkspace;
  if (matches.length === 1) return { destination: matches[0]!.destination };
  if (matches.length > 1) {
    const options = matches.map((s) => `${platform}:${s.destination.workspaceId}:${s.destination.channelId}`).join(', ');
    return { problem: `--channel: "${spec}" is subscribed in several workspaces; name one of: ${options}` };
  }
  return { problem: `--channel: no subscribed channel "${spec}" (see the channels with subscriptions in the App Home, or subscribe first)` };
}
