import type { ChatMessage } from '../../chat/message.js';
import { reply } from '../build-reply.js';

/** The polite refusal when the asker may not change this channel's settings (SLACK_ADMIN_ONLY). */
export function refuseManage(action: string): ChatMessage {
  const text = `Sorry, only workspace admins can ${action} in this channel. Ask an admin, or use \`subscriptions\` to see what it follows.`;
  return reply({ text, lines: [text] });
}
