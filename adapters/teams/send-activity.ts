/**
 * Posts a rendered card into a conversation through the Bot Connector REST API using the Agents
 * SDK's ConnectorClient (POST {serviceUrl}/v3/conversations/{id}/activities[/{replyToId}]), and
 * turns connector answers into SendResult values by HTTP status: 429 rate_limited (Retry-After
 * honoured), 412/5xx and network errors transient, 403/404 gone (bot removed, conversation
 * deleted), 401 auth_revoked, 400/413 invalid_payload (the card itself was refused).
 */
import { Activity } from '@microsoft/agents-activity';
import { ConnectorClient, HttpError } from '@microsoft/agents-hosting';
import type { ChatMessage, Clock, SendResult } from '../../src/index.js';
import type { BotTokenSource } from './bot-token.js';
import { renderCard } from './render-card.js';
import { renderSettingsCard } from './settings-card.js';
import type { ServiceUrlAllowList } from './service-url-allow-list.js';

/** Where to post: a conversation on a connector, optionally as a reply to an activity. */
export interface SendTarget {
  serviceUrl: string;
  conversationId: string;
  replyToId?: string | null;
  /** The bot's channel account id (recipient of the inbound activity), sent as `from`. */
  botId?: string | null;
}

const TRANSIENT = new Set([408, 412, 500, 502, 503, 504]);
/** The connector refused this activity itself (malformed, too large): resending it cannot succeed. */
const INVALID_PAYLOAD = new Set([400, 413]);
const DEFAULT_RETRY_MS = 1_000;
const MAX_RETRY_MS = 10 * 60 * 1000;
// The connector path takes the conversation id verbatim; refuse ids that could change the path.
const SAFE_CONVERSATION_ID = /^[^/?#\s\\]+$/;

/** Parses Retry-After (delay-seconds or HTTP-date, RFC 9110 section 10.2.3) into milliseconds. */
export function parseRetryAfter(value: string | null | undefined, now: Date): number | null {
  if (!value) return null;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Math.min(Number(trimmed) * 1000, MAX_RETRY_MS);
  const at = Date.parse(trimmed);
  if (Number.isNaN(at)) return null;
  return Math.min(Math.max(at - now.getTime(), 0), MAX_RETRY_MS);
}

/** Builds the outgoing message activity: Adaptive Card attachment plus plain-text summary. */
export function buildCardActivity(message: ChatMessage, target: Partial<SendTarget> = {}): Activity {
  const { card, summary } = message.form ? renderSettingsCard({ ...message, form: message.form }) : renderCard(message);
  // Addressing fields as the Bot Framework SDKs fill them from a conversation reference.
  return Activity.fromObject({
    type: 'message',
    summary,
    channelId: 'msteams',
    ...(target.conversationId ? { conversation: { id: target.conversationId } } : {}),
    ...(target.botId ? { from: { id: target.botId } } : {}),
    ...(target.replyToId ? { replyToId: target.replyToId } : {}),
    attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: card }],
  });
}

function mapHttpError(err: HttpError, clock: Clock): SendResult {
  const status = err.status;
  if (status === 401) return { kind: 'auth_revoked', reason: 'teams/connector-unauthorized' };
  if (status === 403) return { kind: 'gone', reason: 'teams/forbidden: the bot is no longer in this conversation' };
  if (status === 404) return { kind: 'gone', reason: 'teams/conversation-not-found' };
  if (INVALID_PAYLOAD.has(status)) return { kind: 'invalid_payload', reason: `teams/http-${status}` };
  const afterMs = parseRetryAfter(err.response?.headers?.get?.('retry-after'), clock.now());
  if (status === 429) return { kind: 'rate_limited', retryAfterMs: afterMs ?? DEFAULT_RETRY_MS };
  if (TRANSIENT.has(status)) return { kind: 'transient', retryAfterMs: afterMs ?? DEFAULT_RETRY_MS, error: `teams/http-${status}` };
  // Other statuses will not get better soon; a long delay lets the dispatcher's attempt limit end it.
  return { kind: 'transient', retryAfterMs: 60 * 60 * 1000, error: `teams/http-${status}` };
}

/**
 * Sends one card; never throws for connector or network failures. The serviceUrl is checked
 * against the allow-list here, before a token is even fetched, whoever the caller is: the bot
 * token goes to connector hosts only.
 */
export async function sendCard(
  target: SendTarget,
  message: ChatMessage,
  tokens: BotTokenSource,
  clock: Clock,
  serviceUrls: ServiceUrlAllowList,
): Promise<SendResult> {
  if (!serviceUrls.allows(target.serviceUrl)) return { kind: 'gone', reason: 'teams/untrusted-service-url' };
  if (!SAFE_CONVERSATION_ID.test(target.conversationId)) return { kind: 'gone', reason: 'teams/invalid-conversation-id' };
  const token = await tokens.getToken();
  if (token.kind === 'retry') return { kind: 'transient', retryAfterMs: token.afterMs, error: token.error };
  if (token.kind !== 'token') return token;
  const client = ConnectorClient.createClientWithToken(target.serviceUrl, token.token ?? '');
  const activity = buildCardActivity(message, target);
  try {
    const response = target.replyToId
      ? await client.replyToActivity(target.conversationId, target.replyToId, activity)
      : await client.sendToConversation(target.conversationId, activity);
    return { kind: 'sent', messageRef: response?.id ?? null };
  } catch (err) {
    if (err instanceof HttpError) return mapHttpError(err, clock);
    return { kind: 'transient', retryAfterMs: 5_000, error: `teams/network: ${(err as Error).message}` };
  }
}
