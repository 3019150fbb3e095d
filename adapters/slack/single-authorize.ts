/**
 * Authorization for a single workspace (SLACK_BOT_TOKEN). Bolt's own single-token mode calls
 * auth.test once and caches a failure forever; here a failed lookup is retried on the next
 * request, and start() reports a revoked or invalid token loudly.
 */
import type { AuthorizeResult, webApi } from '@slack/bolt';
import type { Logger } from '../../src/index.js';

const FATAL = new Set(['invalid_auth', 'account_inactive', 'token_revoked', 'not_authed']);

/** authorize() for Bolt plus a start-up check. */
export function createSingleAuthorize(client: webApi.WebClient, botToken: string) {
  let identity: Promise<{ botId?: string; botUserId?: string; teamId?: string }> | null = null;
  const lookup = () => {
    identity ??= client.auth.test({ token: botToken }).then(
      (result) => ({ botId: result.bot_id, botUserId: result.user_id, teamId: result.team_id }),
      (error: unknown) => {
        identity = null; // retry next time instead of caching the failure
        throw error;
      },
    );
    return identity;
  };
  return {
    authorize: async (): Promise<AuthorizeResult> => ({ botToken, ...(await lookup()) }),
    /** Checks the token at start-up: throws if Slack says it is invalid, warns if Slack is unreachable. */
    verify: async (logger: Logger): Promise<void> => {
      try {
        await lookup();
      } catch (error) {
        const code = (error as { data?: { error?: string } }).data?.error;
        if (code && FATAL.has(code)) throw new Error(`SLACK_BOT_TOKEN was refused by Slack (${code})`);
        logger.warn({ err: error }, 'slack: auth.test failed at start-up; will retry on the first request');
      }
    },
  };
}
