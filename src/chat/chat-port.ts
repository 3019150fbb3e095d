import type { Destination } from '../core/types.js';
import type { ChatMessage } from './message.js';

/**
 * Expected send outcomes are values, not exceptions (ARCHITECTURE.md): the dispatcher decides what to
 * do with each.
 */
export type SendResult =
  | { kind: 'sent'; messageRef: string | null }
  /** Rate limited or temporarily failing; retry this destination after the delay. */
  | { kind: 'retry'; afterMs: number; error: string }
  /** The channel/conversation is gone or the bot is not in it: pause that subscription. */
  | { kind: 'gone'; reason: string }
  /** The whole workspace/installation lost its credentials: stop that workspace. */
  | { kind: 'auth_revoked'; reason: string };

export interface SendOptions {
  /** Reply in the thread/conversation of an earlier message (Slack thread_ts, Teams reply). */
  replyTo?: string | null;
}

/** What an adapter offers the dispatcher for outbound messages. */
export interface ChatPort {
  readonly platform: Destination['platform'];
  send(destination: Destination, message: ChatMessage, options?: SendOptions): Promise<SendResult>;
}
