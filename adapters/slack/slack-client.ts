/**
 * The Web API client settings every Slack call uses. Slack's WebClient by default retries for
 * half an hour and pauses its whole queue on a 429 (docs/slack.md); we turn both off and let the
 * dispatcher pace each channel on its own.
 */
import type { webApi } from '@slack/bolt';
import type { Logger as BoltLogger } from '@slack/bolt';

/** Per-request cap so a hung connection cannot hold a dispatcher slot forever. */
export const WEB_API_TIMEOUT_MS = 10_000;

/** WebClient options: base URL (SLACK_API_URL), no retries, 429 rejected with its Retry-After. */
export function slackClientOptions(apiUrl: string | undefined, logger: BoltLogger): webApi.WebClientOptions {
  return {
    ...(apiUrl ? { slackApiUrl: apiUrl.endsWith('/') ? apiUrl : `${apiUrl}/` } : {}),
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
    timeout: WEB_API_TIMEOUT_MS,
    logger,
  };
}
