/**
 * Events API listeners: the App Home tab, and uninstall / token revocation, which delete the
 * workspace's tokens, subscriptions and queued messages (PRIVACY.md: nothing is kept once the
 * workspace removes the app).
 */
import type { App } from '@slack/bolt';
import type { CommandHandler, Logger, Store } from '../../src/index.js';
import { renderHomeView } from './render-home.js';

/** What the event listeners need. */
export interface EventListenerDeps {
  commandHandler: CommandHandler;
  store: Pick<Store, 'installations' | 'subscriptions'>;
  logger: Logger;
}

/** Registers app_home_opened, app_uninstalled and tokens_revoked. */
export function registerEventListeners(app: App, deps: EventListenerDeps): void {
  app.event('app_home_opened', async ({ event, body, client }) => {
    if (event.tab !== 'home') return;
    const teamId = body.team_id;
    const subscriptions = await deps.store.subscriptions.list({ platform: 'slack', workspaceId: teamId });
    const topics = await deps.commandHandler
      .handle('topics', { destination: { platform: 'slack', workspaceId: teamId, channelId: event.channel }, userId: event.user, canManage: false })
      .catch((error: unknown) => {
        deps.logger.warn({ err: error }, 'slack: topics for App Home failed');
        return null;
      });
    await client.views.publish({ user_id: event.user, view: renderHomeView(subscriptions, topics) });
  });

  const purge = async (teamId: string | undefined, why: string) => {
    if (!teamId) return;
    await deps.store.installations.purgeWorkspace('slack', teamId);
    deps.logger.info({ teamId, why }, 'slack: workspace data purged');
  };
  app.event('app_uninstalled', async ({ body }) => purge(body.team_id, 'app_uninstalled'));
  // We hold only a bot token; if any token of ours is revoked the workspace can no longer be served.
  app.event('tokens_revoked', async ({ body }) => purge(body.team_id, 'tokens_revoked'));
}
