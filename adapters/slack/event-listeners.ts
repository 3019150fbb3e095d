/**
 * Events API listeners: the App Home tab, and uninstall / token revocation, which delete the
 * workspace's tokens, subscriptions and queued messages (PRIVACY.md: nothing is kept once the
 * workspace removes the app).
 */
import type { App } from '@slack/bolt';
import type { Store } from '../../src/index.js';
import { publishHome, type HomeDeps } from './publish-home.js';

/** What the event listeners need. */
export interface EventListenerDeps extends HomeDeps {
  store: Pick<Store, 'installations' | 'subscriptions'>;
}

/** Registers app_home_opened, app_uninstalled and tokens_revoked. */
export function registerEventListeners(app: App, deps: EventListenerDeps): void {
  app.event('app_home_opened', async ({ event, body, client }) => {
    if (event.tab !== 'home') return;
    await publishHome(deps, client, body.team_id, event.user);
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
