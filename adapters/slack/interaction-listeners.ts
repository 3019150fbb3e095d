/**
 * Slack interactivity: the App Home Edit button (opens the settings modal), the modal's
 * submission (checked by the command core; field errors inline, nothing saved on error), the time
 * zone typeahead (block_suggestion), and the post actions under delivered items. Requests reach
 * these listeners only after events-route.ts verified the signature, the 5-minute window and
 * replays. Each handler translates the payload into the core's actions and renders the result;
 * permission (canManage) is looked up again for every request.
 */
import type { App, webApi } from '@slack/bolt';
import { itemAction, suggestTimeZones, type ActionHandler, type CommandContext, type CommandHandler, type Logger } from '../../src/index.js';
import type { Lane } from './ack-first-lane.js';
import { toResponse } from './command-listeners.js';
import type { ManagePolicy } from './manage-permission.js';
import { postActionKind, POST_ACTION_PREFIX } from './post-actions.js';
import { publishHome, type HomeDeps } from './publish-home.js';
import { renderBlocks } from './render-blocks.js';
import { HOME_EDIT_ACTION_ID } from './render-home.js';
import { openSettingsView } from './open-settings-view.js';
import { isChannelId, readSettingsInput, SETTINGS_CALLBACK_ID, ZONE_ACTION_ID, zoneOptions } from './settings-modal.js';

/** What the interaction listeners need. */
export interface InteractionDeps extends HomeDeps {
  commandHandler: CommandHandler;
  actions: ActionHandler;
  canManage: ManagePolicy;
  lane: Lane;
  logger: Logger;
}

/** The core's context for a person acting on a channel, with canManage looked up now. */
async function contextFor(deps: InteractionDeps, client: webApi.WebClient, ask: { teamId: string; channelId: string; userId: string; verb: string }): Promise<CommandContext> {
  return {
    destination: { platform: 'slack', workspaceId: ask.teamId, channelId: ask.channelId },
    userId: ask.userId,
    canManage: await deps.canManage(client, ask.teamId, ask.userId, ask.verb),
  };
}

/** Registers the interactivity listeners. */
export function registerInteractionListeners(app: App, deps: InteractionDeps): void {
  app.action(HOME_EDIT_ACTION_ID, async ({ ack, body, action, client }) => {
    await ack();
    const channelId = 'value' in action ? action.value : undefined;
    const teamId = body.team?.id;
    const triggerId = 'trigger_id' in body ? body.trigger_id : undefined;
    if (!isChannelId(channelId) || !teamId || typeof triggerId !== 'string') return;
    const context = await contextFor(deps, client, { teamId, channelId, userId: body.user.id, verb: 'settings' });
    const reply = await deps.lane(() => deps.commandHandler.handle('settings', context));
    await openSettingsView(client, triggerId, channelId, reply, deps.logger);
  });

  app.view(SETTINGS_CALLBACK_ID, async ({ ack, body, view, client }) => {
    const channelId = view.private_metadata;
    const teamId = body.team?.id ?? view.team_id;
    if (!isChannelId(channelId) || !teamId) {
      await ack({ response_action: 'errors', errors: { topics: 'This form has expired. Open it again with /privacy settings.' } });
      return;
    }
    const context = await contextFor(deps, client, { teamId, channelId, userId: body.user.id, verb: 'settings' });
    const checked = await deps.actions.checkSettings(readSettingsInput(view.state.values), context);
    if (!checked.ok) {
      await ack({ response_action: 'errors', errors: checked.errors as Record<string, string> });
      return;
    }
    await ack(); // closes the modal; saving and the confirmation follow (Slack's 3-second rule)
    const reply = await deps.lane(() => deps.actions.run(checked.actions, context));
    const { text, blocks } = renderBlocks(reply);
    try {
      await client.chat.postEphemeral({ channel: channelId, user: body.user.id, text, blocks });
    } catch (error) {
      // Not in the channel (private, or removed): App Home still shows what was saved.
      deps.logger.info({ err: error, channel: channelId }, 'slack: settings confirmation not posted');
    }
    await publishHome(deps, client, teamId, body.user.id).catch((error: unknown) => deps.logger.warn({ err: error }, 'slack: App Home refresh failed'));
  });

  app.options(ZONE_ACTION_ID, async ({ ack, options }) => {
    const query = typeof options.value === 'string' ? options.value : '';
    await ack({ options: zoneOptions(suggestTimeZones(query, 100)) });
  });

  app.action({ type: 'block_actions', action_id: new RegExp(`^${POST_ACTION_PREFIX}`) }, async ({ ack, body, action, respond, client }) => {
    await ack();
    const act = itemAction(postActionKind(action.action_id), 'value' in action ? action.value : undefined);
    const channelId = 'channel' in body ? body.channel?.id : undefined;
    const teamId = body.team?.id;
    if (!act || !channelId || !teamId || !('response_url' in body)) {
      deps.logger.info({ actionId: action.action_id }, 'slack: ignored a post action without a valid item id or channel');
      return;
    }
    const context = await contextFor(deps, client, { teamId, channelId, userId: body.user.id, verb: act.kind });
    const reply = await deps.lane(() => deps.actions.run([act], context));
    try {
      await respond(toResponse(reply));
    } catch (error) {
      deps.logger.warn({ err: error, channel: channelId }, 'slack: response_url post failed');
    }
  });
}
