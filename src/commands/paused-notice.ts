import type { ChatMessage } from '../chat/message.js';
import type { Subscription } from '../core/types.js';

/** Why deliveries stopped, in words people can act on (Slack/Teams error codes as the reason). */
export function describePause(reason: string | null): string {
  const code = (reason ?? '').toLowerCase();
  if (code.includes('not_in_channel')) return 'I am not a member of this channel. Invite me with `/invite @Privacy Radar`, then run `subscribe` to resume.';
  if (code.includes('is_archived')) return 'this channel is archived. Unarchive it and run `subscribe` to resume.';
  if (code.includes('channel_not_found')) return 'this channel could not be found. Check that I still have access, then run `subscribe` to resume.';
  if (code.includes('teams/forbidden') || code.includes('teams/conversation-not-found') || code.includes('teams/no-conversation-reference')) {
    return 'I can no longer post in this conversation. Add me to it again, then send `subscribe` to resume.';
  }
  if (/invalid_auth|account_inactive|token_revoked|auth/.test(code)) return 'the app lost its access to this workspace. Reinstall it to resume.';
  return `${reason ?? 'unknown reason'}. Run \`subscribe\` to resume.`;
}

/** Adds the "deliveries are paused" notice to a reply in a paused channel, so a paused channel is never mistaken for a quiet one. */
export function withPausedNotice(message: ChatMessage, subscription: Subscription | null): ChatMessage {
  if (!subscription || subscription.status !== 'paused') return message;
  const notice = `⚠️ Deliveries to this channel are paused: ${describePause(subscription.pausedReason)}`;
  return { ...message, text: `${notice}\n${message.text}`, lines: [notice, ...(message.lines ?? [])] };
}
