/**
 * Slash commands and command buttons. Each is acknowledged first (Slack allows 3 s), then the
 * command core runs and the answer goes to response_url: ephemeral by default, in_channel when
 * the reply is public. A failure in the core gets a short apology, never a stack trace.
 */
import type { App, RespondArguments, RespondFn, webApi } from '@slack/bolt';
import type { ChatMessage, CommandHandler, Destination, Logger } from '../../src/index.js';
import type { Lane } from './ack-first-lane.js';
import { commandTextFromSlack } from './command-text.js';
import type { ManagePolicy } from './manage-permission.js';
import { openSettingsView } from './open-settings-view.js';
import { renderBlocks } from './render-blocks.js';

/** What the command listeners need. */
export interface CommandListenerDeps {
  commandHandler: CommandHandler;
  canManage: ManagePolicy;
  /** Where command work runs after the ack (see ack-first-lane.ts). */
  lane: Lane;
  logger: Logger;
}

/** Registers `/privacy` (any slash command of this app) and the privacy_command buttons. */
export function registerCommandListeners(app: App, deps: CommandListenerDeps): void {
  app.command(/.*/, async ({ command, ack, respond, client }) => {
    await ack();
    await answer(deps, client, respond, {
      text: commandTextFromSlack(command.text ?? ''),
      teamId: command.team_id,
      channelId: command.channel_id,
      userId: command.user_id,
      triggerId: command.trigger_id,
    });
  });

  app.action(/^privacy_command_/, async ({ action, body, ack, respond, client }) => {
    await ack();
    const value = 'value' in action && typeof action.value === 'string' ? action.value : '';
    const channelId = 'channel' in body && body.channel?.id ? body.channel.id : null;
    const teamId = body.team?.id ?? null;
    // Buttons outside a channel message (e.g. App Home) have no response_url to answer through.
    if (!value || !channelId || !teamId || !('response_url' in body)) return;
    await answer(deps, client, respond, { text: value, teamId, channelId, userId: body.user.id });
  });

  // Link buttons ("Open") also send an interaction; acknowledge it so Slack shows no error.
  app.action(/^open_/, async ({ ack }) => {
    await ack();
  });
}

interface Ask {
  text: string;
  teamId: string;
  channelId: string;
  userId: string;
  /** A slash command's trigger_id: lets a reply with a form open as a modal (valid for 3 s). */
  triggerId?: string;
}

async function answer(deps: CommandListenerDeps, client: webApi.WebClient, respond: RespondFn, ask: Ask): Promise<void> {
  const destination: Destination = { platform: 'slack', workspaceId: ask.teamId, channelId: ask.channelId };
  const canManage = await deps.canManage(client, ask.teamId, ask.userId, ask.text);
  // Handling runs in the lane so pending requests get their ack first.
  const reply = await deps.lane(async (): Promise<ChatMessage> => {
    try {
      return await deps.commandHandler.handle(ask.text, { destination, userId: ask.userId, canManage });
    } catch (error) {
      deps.logger.error({ err: error, channel: ask.channelId }, 'slack: command failed');
      return { text: 'Sorry, something went wrong answering that. Please try again in a moment.', kind: 'error' };
    }
  });
  // A reply with a form (`settings`, bare `subscribe` in a new channel) opens the settings modal;
  // if Slack refuses (trigger expired), the reply's text still answers.
  if (reply.form && ask.triggerId && (await openSettingsView(client, ask.triggerId, ask.channelId, reply, deps.logger))) return;
  try {
    await respond(toResponse(reply));
  } catch (error) {
    // response_url expires after 30 minutes or 5 uses; nothing else can carry the answer.
    deps.logger.warn({ err: error, channel: ask.channelId }, 'slack: response_url post failed');
  }
}

/** A reply for response_url: private unless the core made it public. */
export function toResponse(reply: ChatMessage): RespondArguments {
  const { text, blocks } = renderBlocks(reply);
  return {
    response_type: reply.visibility === 'public' ? 'in_channel' : 'ephemeral',
    replace_original: false,
    text,
    blocks,
    unfurl_links: false,
    unfurl_media: false,
  };
}
