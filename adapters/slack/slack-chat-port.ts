/**
 * The Slack ChatPort the dispatcher sends through: chat.postMessage with the workspace's bot
 * token, rendered Block Kit, unfurling off, and every outcome mapped to a SendResult value.
 */
import type { webApi } from '@slack/bolt';
import type { ChatMessage, ChatPort, Destination, SendOptions, SendResult } from '../../src/index.js';
import { mapSendError } from './map-send-error.js';
import { renderBlocks } from './render-blocks.js';

/** Finds the bot token for a workspace (env token, or the OAuth installation), or null. */
export type TokenResolver = (workspaceId: string) => Promise<string | null>;

/** Creates the ChatPort; `client` must be configured with slackClientOptions (no retries/queueing). */
export function createSlackChatPort(client: webApi.WebClient, resolveToken: TokenResolver): ChatPort {
  return {
    platform: 'slack',
    send: async (destination: Destination, message: ChatMessage, options?: SendOptions): Promise<SendResult> => {
      const token = await resolveToken(destination.workspaceId);
      if (!token) return { kind: 'auth_revoked', reason: 'no_installation' };
      const { text, blocks } = renderBlocks(message);
      try {
        const result = await client.chat.postMessage({
          token,
          channel: destination.channelId,
          text,
          blocks,
          // Never link_names or parse: full (escaped text must stay inert); previews off (docs/slack.md).
          unfurl_links: false,
          unfurl_media: false,
          ...(options?.replyTo ? { thread_ts: options.replyTo } : {}),
        });
        return { kind: 'sent', messageRef: typeof result.ts === 'string' ? result.ts : null };
      } catch (error) {
        return mapSendError(error);
      }
    },
  };
}
