/** Builds and sends Slack-signed requests (as Slack does) to the bot's /slack/events route. */
import { signSlackBody } from '../../adapters/slack/verify-signature.js';

export const SIGNING_SECRET = 'test-signing-secret-0123456789';

export interface SignOptions {
  secret?: string;
  /** Unix seconds; default now. */
  timestamp?: number;
  /** Overrides the computed signature (forgeries); null omits the headers. */
  signature?: string | null;
}

/** Form-encoded slash command body. */
export function commandBody(fields: { text: string; responseUrl: string; teamId?: string; channelId?: string; userId?: string; command?: string }): string {
  return new URLSearchParams({
    token: 'deprecated-verification-token',
    team_id: fields.teamId ?? 'T1',
    team_domain: 'example',
    channel_id: fields.channelId ?? 'C1',
    channel_name: 'privacy',
    user_id: fields.userId ?? 'U1',
    user_name: 'alice',
    command: fields.command ?? '/privacy',
    text: fields.text,
    api_app_id: 'A1',
    is_enterprise_install: 'false',
    response_url: fields.responseUrl,
    trigger_id: '1.2.3',
  }).toString();
}

/** Events API envelope as JSON. */
export function eventBody(event: Record<string, unknown>, teamId = 'T1'): string {
  return JSON.stringify({
    token: 'deprecated',
    team_id: teamId,
    api_app_id: 'A1',
    event,
    type: 'event_callback',
    event_id: `Ev${Math.random().toString(36).slice(2)}`,
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [{ team_id: teamId, user_id: 'UBOT', is_bot: true }],
  });
}

/** Interactivity payload (form field `payload`). */
export function actionBody(payload: Record<string, unknown>): string {
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}

/** POSTs a body to /slack/events with Slack's signature headers. */
export async function postSigned(baseUrl: string, body: string, contentType: string, options: SignOptions = {}): Promise<Response> {
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  const headers: Record<string, string> = { 'content-type': contentType };
  if (options.signature !== null) {
    headers['x-slack-request-timestamp'] = String(timestamp);
    headers['x-slack-signature'] = options.signature ?? signSlackBody(options.secret ?? SIGNING_SECRET, timestamp, body);
  }
  return fetch(`${baseUrl}/slack/events`, { method: 'POST', headers, body });
}

export const FORM = 'application/x-www-form-urlencoded';
export const JSON_TYPE = 'application/json';
