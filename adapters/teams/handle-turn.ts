/**
 * What the bot does with one authenticated activity: commands from messages, install/uninstall
 * from conversationUpdate and installationUpdate. Replies go back through the connector the
 * activity came from (its serviceUrl was already checked by the route, and is checked again at
 * send time). Stored references change only for requests that could have come from the channel.
 */
import type { Activity } from '@microsoft/agents-activity';
import type { ChatMessage, CommandHandler, Clock, Logger, SendResult } from '../../src/index.js';
import { extractCommandText, isSharedConversation } from './command-text.js';
import { teamsDestination, type ConversationStore, type ReferenceTrust, type StoredReference } from './conversation-store.js';
import type { RequestOrigin } from './messages-route.js';
import type { SendTarget } from './send-activity.js';

/** Everything a turn needs, injected by createTeamsAdapter. */
export interface TurnDeps {
  commandHandler: CommandHandler;
  conversations: ConversationStore;
  send: (target: SendTarget, message: ChatMessage) => Promise<SendResult>;
  clock: Clock;
  logger: Logger;
  trust: ReferenceTrust;
}

/** A channel thread's id ends in ";messageid=N"; subscriptions belong to the channel itself. */
export function baseConversationId(conversationId: string): string {
  return conversationId.replace(/;messageid=\d+$/i, '');
}

function tenantOf(activity: Activity): string {
  const channelData = activity.channelData as { tenant?: { id?: string } } | undefined;
  return activity.conversation?.tenantId ?? channelData?.tenant?.id ?? 'unknown';
}

function referenceOf(activity: Activity, trust: ReferenceTrust): StoredReference {
  return {
    version: 1,
    serviceUrl: activity.serviceUrl ?? '',
    channelId: activity.channelId ?? 'msteams',
    conversationId: baseConversationId(activity.conversation?.id ?? ''),
    conversationType: activity.conversation?.conversationType ?? null,
    tenantId: tenantOf(activity),
    botId: activity.recipient?.id ?? '',
    trust,
  };
}

/**
 * Whether this request may write or purge the conversation's stored reference: only one the
 * route marked as coming from the channel (see RequestOrigin), and in local development never
 * over a reference the real channel stored, so digests keep going where Teams said.
 */
async function mayChangeReference(conversationId: string, deps: TurnDeps, origin: RequestOrigin): Promise<boolean> {
  if (!origin.mayChangeReferences) return false;
  if (deps.trust === 'jwt') return true;
  return (await deps.conversations.get(conversationId))?.trust !== 'jwt';
}

async function saveReference(reference: StoredReference, deps: TurnDeps, origin: RequestOrigin): Promise<void> {
  if (await mayChangeReference(reference.conversationId, deps, origin)) await deps.conversations.save(reference, deps.clock.now());
  else deps.logger.info({ conversation: reference.conversationId }, 'teams reference kept: this request may not change it');
}

async function purgeReference(reference: StoredReference, deps: TurnDeps, origin: RequestOrigin): Promise<boolean> {
  if (!(await mayChangeReference(reference.conversationId, deps, origin))) return false;
  await deps.conversations.purge(reference.tenantId, reference.conversationId);
  return true;
}

function contextOf(activity: Activity, reference: StoredReference) {
  return {
    destination: teamsDestination(reference.tenantId, reference.conversationId),
    userId: activity.from?.aadObjectId ?? activity.from?.id ?? 'unknown',
    // Teams gives bots no cheap "is channel admin" signal; anyone who can @mention the bot may manage.
    canManage: true,
  };
}

async function reply(activity: Activity, deps: TurnDeps, message: ChatMessage, threaded: boolean): Promise<void> {
  const result = await deps.send(
    {
      serviceUrl: activity.serviceUrl ?? '',
      conversationId: activity.conversation?.id ?? '',
      replyToId: threaded ? activity.id : null,
      botId: activity.recipient?.id ?? null,
    },
    message,
  );
  if (result.kind !== 'sent') deps.logger.warn({ result, conversation: activity.conversation?.id }, 'teams reply not sent');
}

async function onMessage(activity: Activity, deps: TurnDeps, origin: RequestOrigin): Promise<void> {
  const text = extractCommandText(activity);
  if (text === null) return;
  const reference = referenceOf(activity, deps.trust);
  await saveReference(reference, deps, origin);
  let message: ChatMessage;
  try {
    message = await deps.commandHandler.handle(text || 'help', contextOf(activity, reference));
  } catch (err) {
    deps.logger.error({ err }, 'teams command failed');
    message = { text: 'Something went wrong on our side. Please try again later.', kind: 'error' };
  }
  await reply(activity, deps, message, isSharedConversation(activity));
}

async function welcome(activity: Activity, deps: TurnDeps, reference: StoredReference): Promise<void> {
  const help = await deps.commandHandler.handle('help', contextOf(activity, reference));
  const intro = 'Privacy Radar posts privacy news for the topics this conversation subscribes to. Try "subscribe gdpr" or "latest ai".';
  await reply(activity, deps, { ...help, title: 'Privacy Radar is ready', lines: [intro, ...(help.lines ?? [])], kind: 'notice' }, false);
}

async function onConversationUpdate(activity: Activity, deps: TurnDeps, origin: RequestOrigin): Promise<void> {
  const botId = activity.recipient?.id;
  const reference = referenceOf(activity, deps.trust);
  if (activity.membersRemoved?.some((m) => m.id === botId)) {
    if (await purgeReference(reference, deps, origin)) deps.logger.info({ conversation: reference.conversationId }, 'teams bot removed: conversation data purged');
    return;
  }
  if (activity.membersAdded?.some((m) => m.id === botId)) {
    await saveReference(reference, deps, origin);
    deps.logger.info({ conversation: reference.conversationId }, 'teams bot added');
    await welcome(activity, deps, reference);
  }
}

async function onInstallationUpdate(activity: Activity, deps: TurnDeps, origin: RequestOrigin): Promise<void> {
  const reference = referenceOf(activity, deps.trust);
  // Teams sends "add"/"remove" (and "-upgrade" variants); the welcome comes with conversationUpdate.
  if (activity.action?.startsWith('remove')) await purgeReference(reference, deps, origin);
  else if (activity.action?.startsWith('add')) await saveReference(reference, deps, origin);
}

/** Runs one activity; unknown activity types are acknowledged and ignored. */
export async function handleTurn(activity: Activity, deps: TurnDeps, origin: RequestOrigin): Promise<void> {
  if (activity.type === 'message') return onMessage(activity, deps, origin);
  if (activity.type === 'conversationUpdate') return onConversationUpdate(activity, deps, origin);
  if (activity.type === 'installationUpdate') return onInstallationUpdate(activity, deps, origin);
}
