/**
 * Publishes a person's App Home (views.publish): when they open the tab, and again after they
 * save a channel's settings so the tab shows what was saved.
 */
import type { webApi } from '@slack/bolt';
import type { ActionHandler, CommandHandler, Logger, Store } from '../../src/index.js';
import { MAX_HOME_CHANNELS, renderHomeView, type HomeContent } from './render-home.js';

/** Stories listed on App Home. */
const HOME_STORIES = 5;

/** What publishing the Home tab needs. */
export interface HomeDeps {
  commandHandler: CommandHandler;
  actions: ActionHandler;
  store: Pick<Store, 'subscriptions'>;
  logger: Logger;
}

/** Builds and publishes the Home tab of `userId` in workspace `teamId`. */
export async function publishHome(deps: HomeDeps, client: webApi.WebClient, teamId: string, userId: string): Promise<void> {
  const subscriptions = await deps.store.subscriptions.list({ platform: 'slack', workspaceId: teamId });
  const stories = await deps.actions.latestStories(subscriptions.flatMap((sub) => sub.topics), HOME_STORIES);
  // Watches, mutes and quiet hours of the channels listed (the form's view of each).
  const rules: HomeContent['rules'] = {};
  for (const sub of subscriptions.slice(0, MAX_HOME_CHANNELS)) {
    const form = await deps.actions.settingsForm({ destination: sub.destination, userId, canManage: false });
    rules[sub.destination.channelId] = { watches: form.watches, mutes: form.mutes, quiet: form.quiet };
  }
  // `topics` needs a destination; the Home tab has none, and the reply does not depend on it.
  const topics = await deps.commandHandler
    .handle('topics', { destination: { platform: 'slack', workspaceId: teamId, channelId: 'home' }, userId, canManage: false })
    .catch((error: unknown) => {
      deps.logger.warn({ err: error }, 'slack: topics for App Home failed');
      return null;
    });
  await client.views.publish({ user_id: userId, view: renderHomeView({ subscriptions, stories, topics, rules }) });
}
