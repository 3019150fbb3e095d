import type { ChatMessage } from '../chat/message.js';
import type { CommandContext, CommandHandler } from './command-port.js';
import type { CommandDeps } from './command-deps.js';
import { problemReply, tooLongReply } from './build-reply.js';
import { parseCommand, type ParsedCommand } from './parse-command.js';
import { withPausedNotice } from './paused-notice.js';
import type { HandlerContext } from './handlers/handler-context.js';
import { handleDigest } from './handlers/digest.js';
import { feedsWordsReply, handleFeeds } from './handlers/feeds.js';
import { handleHelp, handleHelpAbout } from './handlers/help.js';
import { handleLatest } from './handlers/latest.js';
import { handleRegion } from './handlers/region.js';
import { handleSearch } from './handlers/search.js';
import { handleSettings } from './handlers/settings.js';
import { handleSubscribe } from './handlers/subscribe.js';
import { handleSubscriptions } from './handlers/subscriptions.js';
import { handleTopics } from './handlers/topics.js';
import { handleUnsubscribe } from './handlers/unsubscribe.js';
import { handleWhy } from './handlers/why.js';
import { addWatch, listWatches, removeWatch } from './handlers/watches.js';
import { addMute, listMutes, removeMute } from './handlers/mutes.js';
import { handleQuiet } from './handlers/quiet.js';

const APOLOGY = 'Sorry, something went wrong while answering that. Please try again in a minute.';

function runCommand(command: ParsedCommand, ctx: HandlerContext): Promise<ChatMessage> {
  switch (command.name) {
    case 'latest':
      return handleLatest(command, ctx);
    case 'search':
      return handleSearch(command, ctx);
    case 'subscribe':
      return handleSubscribe(command, ctx);
    case 'unsubscribe':
      return handleUnsubscribe(command, ctx);
    case 'subscriptions':
      return handleSubscriptions(ctx);
    case 'topics':
      return handleTopics(ctx, 'topicWords' in command ? command.topicWords : []);
    case 'digest':
      return handleDigest(command, ctx);
    case 'feeds':
      return 'words' in command ? Promise.resolve(feedsWordsReply(command.words)) : handleFeeds(ctx);
    case 'why':
      return handleWhy(command, ctx);
    case 'region':
      return handleRegion(command, ctx);
    case 'settings':
      return handleSettings(ctx);
    case 'watch':
      return addWatch(command.query, ctx);
    case 'unwatch':
      return removeWatch(command.query, ctx);
    case 'watches':
      return listWatches(ctx);
    case 'mute':
      return addMute(command.target, ctx);
    case 'unmute':
      return removeMute(command.target, ctx);
    case 'mutes':
      return listMutes(ctx);
    case 'quiet':
      return handleQuiet(command.request, ctx);
    case 'help':
      return 'about' in command ? handleHelpAbout(command.about, ctx) : handleHelp(null, ctx);
    case 'unknown':
      return handleHelp(command, ctx);
    case 'invalid':
      return Promise.resolve(problemReply(command.problem, command.example));
    case 'too_long':
      return Promise.resolve(tooLongReply(command.length, command.limit));
  }
}

/**
 * The platform-neutral command core: chat text in, ChatMessage out. Never throws: bad input gets
 * a reply naming the problem, and unexpected faults are logged once and answered with an apology.
 */
export function createCommandHandler(deps: CommandDeps): CommandHandler {
  return {
    async handle(text: string, context: CommandContext): Promise<ChatMessage> {
      const command = parseCommand(text);
      try {
        const message = await runCommand(command, { deps, context, now: deps.clock.now() });
        // Read after the command ran, so `subscribe` resuming a channel drops the notice at once.
        const subscription = await deps.store.subscriptions.get(context.destination);
        return withPausedNotice(message, subscription);
      } catch (error) {
        deps.logger.error(
          { err: error, command: command.name, platform: context.destination.platform, workspaceId: context.destination.workspaceId },
          'command failed',
        );
        return { kind: 'error', visibility: 'private', text: APOLOGY, lines: [APOLOGY] };
      }
    },
  };
}
