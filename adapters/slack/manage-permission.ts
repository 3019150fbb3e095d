/**
 * Who may change a channel's subscriptions. With SLACK_ADMIN_ONLY only workspace admins and
 * owners (users.info is_admin / is_owner; needs the users:read scope) may; otherwise everyone.
 * Lookups fail closed and are cached briefly so a burst of commands costs one API call.
 */
import type { webApi } from '@slack/bolt';
import type { Clock, Logger } from '../../src/index.js';

/** Commands that change state; only these pay for a users.info lookup. */
const MANAGE_VERBS = new Set(['subscribe', 'unsubscribe', 'digest', 'settings']);
const CACHE_TTL_MS = 5 * 60 * 1000;
const CACHE_MAX = 10_000;

/** Decides canManage for one command. */
export type ManagePolicy = (client: webApi.WebClient, teamId: string, userId: string, text: string) => Promise<boolean>;

/** Creates the policy; `adminOnly` false means everyone may manage. */
export function createManagePolicy(options: { adminOnly: boolean; clock: Clock; logger: Logger }): ManagePolicy {
  const cache = new Map<string, { isAdmin: boolean; until: number }>();
  return async (client, teamId, userId, text) => {
    if (!options.adminOnly) return true;
    const key = `${teamId}:${userId}`;
    const now = options.clock.now().getTime();
    const cached = cache.get(key);
    if (cached && cached.until > now) return cached.isAdmin;
    const verb = text.trim().split(/\s+/)[0]?.toLowerCase() ?? '';
    // Read-only commands never need the answer; don't spend an API call on them.
    if (!MANAGE_VERBS.has(verb)) return false;
    const isAdmin = await lookupAdmin(client, userId, options.logger);
    if (cache.size >= CACHE_MAX) cache.clear();
    cache.set(key, { isAdmin, until: now + CACHE_TTL_MS });
    return isAdmin;
  };
}

async function lookupAdmin(client: webApi.WebClient, userId: string, logger: Logger): Promise<boolean> {
  try {
    const result = await client.users.info({ user: userId });
    return result.user?.is_admin === true || result.user?.is_owner === true;
  } catch (error) {
    const code = (error as { data?: { error?: string } }).data?.error ?? (error as Error).message;
    logger.warn({ code }, 'slack: users.info failed; treating user as non-admin (SLACK_ADMIN_ONLY needs users:read)');
    return false;
  }
}
