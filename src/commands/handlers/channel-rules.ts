import type { Destination } from '../../core/types.js';
import type { CommandDeps } from '../command-deps.js';

/** Watches per channel: enough to follow a dozen companies or statutes, few enough to read at a glance. */
export const MAX_WATCHES = 20;
/** Mutes per channel. */
export const MAX_MUTES = 20;

/** A watch needs the channel's subscription row (delivery status, quiet hours, digest): created without topics if missing. */
export async function ensureChannel(deps: CommandDeps, destination: Destination, now: Date): Promise<void> {
  if (!(await deps.store.subscriptions.get(destination))) await deps.store.subscriptions.subscribe(destination, [], deps.digestDefaults, now);
}

/** `clearview` as `"clearview"` for replies (the canonical text keeps its own quotes). */
export function quoteQuery(query: string): string {
  return query.includes('"') ? `\`${query}\`` : `"${query}"`;
}
