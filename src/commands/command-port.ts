import type { Destination } from '../core/types.js';
import type { ChatMessage } from '../chat/message.js';

/** Who asked, and where: everything the command core needs from an adapter. */
export interface CommandContext {
  destination: Destination;
  /** Platform user id of the person asking (never stored). */
  userId: string;
  /** Whether the person may change this channel's subscriptions (SLACK_ADMIN_ONLY etc.). */
  canManage: boolean;
}

/** Platform-neutral command handling: text in, message out. Never throws for bad input. */
export interface CommandHandler {
  handle(text: string, context: CommandContext): Promise<ChatMessage>;
}
