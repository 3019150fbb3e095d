import type { Destination } from '../core/types.js';
import type { ChatMessage } from './message.js';

/**
 * What a platform answered to one send: a closed set of outcomes, decided by the adapter from the
 * platform's status and error code (never from error text). Expected failures are values, not
 * exceptions; the dispatcher acts on the kind alone (docs/delivery.md, "What each outcome does").
 */
export type SendResult =
  | { kind: 'sent'; messageRef: string | null }
  /** The platform asked us to slow down (HTTP 429). Not a failure: the row waits retryAfterMs and never counts toward the attempt limit. */
  | { kind: 'rate_limited'; retryAfterMs: number }
  /** Temporary trouble (5xx, network, timeout, unknown error code): retried with backoff; counts toward the attempt limit. */
  | { kind: 'transient'; error: string; retryAfterMs?: number }
  /** The channel/conversation is gone or the bot is not in it: pause that subscription. */
  | { kind: 'gone'; reason: string }
  /** The whole workspace/installation lost its credentials: stop that workspace. */
  | { kind: 'auth_revoked'; reason: string }
  /** The platform refused this message itself (bad blocks, too long): resending it cannot succeed. */
  | { kind: 'invalid_payload'; reason: string };

export interface SendOptions {
  /** Reply in the thread/conversation of an earlier message (Slack thread_ts, Teams reply). */
  replyTo?: string | null;
}

/** What an adapter offers the dispatcher for outbound messages. */
export interface ChatPort {
  readonly platform: Destination['platform'];
  send(destination: Destination, message: ChatMessage, options?: SendOptions): Promise<SendResult>;
}
