/**
 * Pulls the command out of a Teams message. In a channel or group chat the bot only reacts when
 * @mentioned (Teams delivers those messages only), and the mention itself ("<at>Privacy
 * Radar</at>") is removed so "@Privacy Radar latest ai" reads as "latest ai".
 */
import type { Activity } from '@microsoft/agents-activity';
import { toPlainText } from '../../src/index.js';

interface MentionEntity {
  type?: string;
  mentioned?: { id?: string };
  text?: string;
}

function botMentions(activity: Activity): MentionEntity[] {
  const botId = activity.recipient?.id;
  return ((activity.entities ?? []) as MentionEntity[]).filter(
    (e) => e.type === 'mention' && botId !== undefined && e.mentioned?.id === botId,
  );
}

/** True when the conversation is a channel or group chat (mention needed), not a 1:1 chat. */
export function isSharedConversation(activity: Activity): boolean {
  const type = activity.conversation?.conversationType;
  return type === 'channel' || type === 'groupChat' || activity.conversation?.isGroup === true;
}

/** The command text, or null when the message is not addressed to the bot. */
export function extractCommandText(activity: Activity): string | null {
  let text = activity.text ?? '';
  const mentions = botMentions(activity);
  if (isSharedConversation(activity) && mentions.length === 0) return null;
  for (const mention of mentions) {
    if (mention.text) text = text.split(mention.text).join(' ');
  }
  // Teams wraps every mention in <at>..</at>; any left over (other people) are not commands.
  text = toPlainText(text.replace(/<at\b[^>]*>[\s\S]*?<\/at>/gi, ' '));
  // People used to Slack type "/privacy latest"; accept it.
  text = text.replace(/^\/?privacy\b\s*/i, '').trim();
  return text;
}
