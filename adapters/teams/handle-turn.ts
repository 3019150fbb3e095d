/**
 * What the bot does with one authenticated activity: commands from messages, install/uninstall
 * from conversationUpdate and installationUpdate. Replies go back through the connector the
 * activity came from (its serviceUrl was already checked by the route, and is checked again at
 * send time). Stored references change only for requests that could have come from the channel.
 */
import type { Activity } from '@microsoft/agents-activity';
import { itemAction, type ActionHandler, type ChatMessage, type CommandHandler, type Clock, type Logger, type SendResult } from '../../src/index.js';
import { extractCommandText, isSharedConversation } from './command-text.js';
import { teamsDestination, type ConversationStore, type ReferenceTrust, type StoredReference } from './conversation-store.js';
import type { RequestOrigin } from './messages-route.js';
import { postActionOf } from './post-actions.js';
import type { SendTarget } from './send-activity.js';
import { readSettingsData, renderSettingsCard, SAVE_SETTINGS_VERB } from './settings-card.js';

/** Everything a turn needs, injected by createTeamsAdapter. */
export interface TurnDeps {
  commandHandler: CommandHandler;
  /** Card actions and the settings form. */
  actions: ActionHandler;
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

/** The HTTP answer to an invoke activity (Bot Framework: status and body of the POST response). */
export interface InvokeResponse {
  status: number;
  body: unknown;
}

/**
 * A post action (Action.Submit under an item card): Teams sends a message whose `value` is the
 * button's data. The core checks the action and the item id; the answer is a card in the thread.
 */
async function onPostAction(activity: Activity, deps: TurnDeps, submitted: { kind: unknown; itemId: unknown }): Promise<void> {
  const action = itemAction(submitted.kind, submitted.itemId);
  if (!action) {
    deps.logger.info('teams: ignored a card action without a valid action or item id');
    return;
  }
  const reference = referenceOf(activity, deps.trust);
  const message = await deps.actions.run([action], contextOf(activity, reference));
  await reply(activity, deps, message, isSharedConversation(activity));
}

/**
 * The settings card's Save (Action.Execute): the core checks and saves the inputs, and the invoke
 * response is the card again, showing what was saved or the errors (nothing saved then).
 */
async function onCardInvoke(activity: Activity, deps: TurnDeps): Promise<InvokeResponse> {
  const value = (activity.value ?? {}) as { action?: { type?: unknown; verb?: unknown; data?: unknown } };
  if (activity.name !== 'adaptiveCard/action' || value.action?.verb !== SAVE_SETTINGS_VERB) {
    return { status: 200, body: { statusCode: 400, type: 'application/vnd.microsoft.error', value: { code: 'BadRequest', message: 'Unknown card action.' } } };
  }
  const reference = referenceOf(activity, deps.trust);
  const { message } = await deps.actions.saveSettings(readSettingsData(value.action.data), contextOf(activity, reference));
  if (!message.form) {
    return { status: 200, body: { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: message.text } };
  }
  const { card } = renderSettingsCard({ ...message, form: message.form });
  return { status: 200, body: { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: card } };
}

async function onMessage(activity: Activity, deps: TurnDeps, origin: RequestOrigin): Promise<void> {
  const submitted = postActionOf(activity.value);
  if (submitted) return onPostAction(activity, deps, submitted);
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

/** Runs one activity; an invoke gets its response; unknown activity types are acknowledged and ignored. */
export async function handleTurn(activity: Activity, deps: TurnDeps, origin: RequestOrigin): Promise<InvokeResponse | void> {
  if (activity.type === 'invoke') return onCardInvoke(activity, deps);
  if (activity.type === 'message') return onMessage(activity, deps, origin);
  if (activity.type === 'conversationUpdate') return onConversationUpdate(activity, deps, origin);
  if (activity.type === 'installationUpdate') return onInstallationUpdate(activity, deps, origin);
}
