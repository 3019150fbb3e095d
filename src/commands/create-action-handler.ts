import type { ChatMessage } from '../chat/message.js';
import type { SettingsField, SettingsForm, SettingsInput } from '../chat/settings-form.js';
import { changesSettings, type ChannelAction } from './channel-action.js';
import { checkSettings, loadSettingsForm } from './check-settings.js';
import type { CommandDeps } from './command-deps.js';
import type { ActionHandler, CommandContext } from './command-port.js';
import { handleDigest } from './handlers/digest.js';
import type { HandlerContext } from './handlers/handler-context.js';
import { refuseManage } from './handlers/manage-permission.js';
import { handleMoreOnStory } from './handlers/more-on-story.js';
import { handleNotRelevant } from './handlers/not-relevant.js';
import { handleSubscribe, previewItems } from './handlers/subscribe.js';
import { toStoryItems } from './build-reply.js';
import { handleUnsubscribe } from './handlers/unsubscribe.js';
import { handleWhy } from './handlers/why.js';
import { addMute, removeMute } from './handlers/mutes.js';
import { quietOff, setQuietHours } from './handlers/quiet.js';
import { addWatch, removeWatch } from './handlers/watches.js';
import { problemReply } from './build-reply.js';
import { EXAMPLES } from './parse-command.js';
import type { Mute } from '../core/types.js';
import { describeSchedule } from './handlers/describe-schedule.js';
import { parseWeekday, parseTime, parseTimeZone } from './parse-digest-args.js';

const APOLOGY = 'Sorry, something went wrong while doing that. Nothing else was changed; please try again in a minute.';
const REFUSED_SETTINGS = 'change this channel’s settings';

/** One action through the typed commands' handlers (the same functions `subscribe`, `digest weekly` and `why` call). */
async function runOne(action: ChannelAction, ctx: HandlerContext): Promise<ChatMessage[]> {
  const { deps, context } = ctx;
  switch (action.kind) {
    case 'set-topics': {
      const current = (await deps.store.subscriptions.get(context.destination))?.topics ?? [];
      const adding = action.topics.filter((id) => !current.includes(id));
      const removing = current.filter((id) => !action.topics.includes(id));
      const replies: ChatMessage[] = [];
      // Add first: removing first could drop the last topic and with it the whole subscription.
      if (adding.length > 0) replies.push(await handleSubscribe({ name: 'subscribe', topicWords: adding }, ctx));
      if (removing.length > 0) replies.push(await handleUnsubscribe({ name: 'unsubscribe', topicWords: removing }, ctx));
      return replies;
    }
    case 'set-digest': {
      const replies: ChatMessage[] = [];
      if (action.schedule) replies.push(await handleDigest({ name: 'digest', request: { action: 'weekly', ...action.schedule } }, ctx));
      if (!action.enabled) replies.push(await handleDigest({ name: 'digest', request: { action: 'off' } }, ctx));
      return replies;
    }
    case 'why':
      return [await handleWhy({ name: 'why', target: String(action.itemId) }, ctx)];
    case 'more-on-story':
      return [await handleMoreOnStory(action.itemId, ctx)];
    case 'not-relevant':
      return [await handleNotRelevant(action.itemId, ctx)];
    case 'mute-source': {
      const item = await deps.store.items.getById(action.itemId);
      if (!item) return [problemReply(`item #${action.itemId} is no longer stored`, EXAMPLES.mute)];
      return [await addMute({ kind: 'source', feedId: item.feedId }, ctx)];
    }
    case 'set-watches': {
      const current = await deps.store.watches.list(context.destination);
      const replies: ChatMessage[] = [];
      for (const query of current.filter((query) => !action.queries.includes(query))) replies.push(await removeWatch(query, ctx));
      for (const query of action.queries.filter((query) => !current.includes(query))) replies.push(await addWatch(query, ctx));
      return replies;
    }
    case 'set-mutes': {
      const current = await deps.store.mutes.list(context.destination);
      const key = (mute: Mute) => (mute.kind === 'source' ? `source ${mute.feedId}` : mute.query);
      const wanted = new Set(action.mutes.map(key));
      const have = new Set(current.map(key));
      const replies: ChatMessage[] = [];
      for (const mute of current.filter((mute) => !wanted.has(key(mute)))) replies.push(await removeMute(mute, ctx));
      for (const mute of action.mutes.filter((mute) => !have.has(key(mute)))) replies.push(await addMute(mute, ctx));
      return replies;
    }
    case 'set-quiet': {
      const current = (await deps.store.subscriptions.get(context.destination))?.quiet ?? null;
      if (JSON.stringify(current) === JSON.stringify(action.quiet)) return [];
      if (!action.quiet) return [await quietOff(ctx)];
      return [await setQuietHours({ action: 'set', ...action.quiet }, ctx)];
    }
  }
}

/** Several replies as one: the first title, every paragraph and list in order. */
function combine(replies: ChatMessage[]): ChatMessage {
  const [first, ...rest] = replies;
  if (!first) return { kind: 'reply', visibility: 'private', text: 'Nothing changed.', lines: ['Nothing changed.'] };
  if (rest.length === 0) return first;
  const lines = replies.flatMap((message) => message.lines ?? [message.text]);
  const sections = replies.flatMap((message) => message.sections ?? []);
  const error = replies.find((message) => message.kind === 'error');
  return {
    ...first,
    ...(error ? { kind: 'error' } : {}),
    text: replies.map((message) => message.text).join('\n'),
    lines,
    ...(sections.length > 0 ? { sections } : {}),
  };
}

/** The submitted values shown back with the errors, so nobody has to fill the form in again. */
function formFromInput(input: SettingsInput, saved: SettingsForm, errors: Partial<Record<SettingsField, string>>): SettingsForm {
  const known = new Set(saved.topics.map((topic) => topic.id));
  return {
    ...saved,
    selected: input.topics.filter((id) => known.has(id)),
    digest: {
      enabled: input.digestEnabled,
      weekday: parseWeekday(input.digestDay) ?? saved.digest.weekday,
      time: parseTime(input.digestTime) ?? saved.digest.time,
      timeZone: parseTimeZone(input.digestZone) ?? saved.digest.timeZone,
    },
    watches: input.watches.split(/\r?\n/).map((line) => line.trim()).filter(Boolean).slice(0, 50),
    mutes: input.mutes.split(/\r?\n/).map((line) => line.trim()).filter(Boolean).slice(0, 50),
    quiet: input.quiet.trim().slice(0, 100),
    errors,
  };
}


/** The command core's action handler: buttons and forms run the typed commands' functions. */
export function createActionHandler(deps: CommandDeps): ActionHandler {
  const settingsForm = (context: CommandContext): Promise<SettingsForm> => loadSettingsForm(deps, context.destination);

  const run = async (actions: ChannelAction[], context: CommandContext): Promise<ChatMessage> => {
    // Checked here for every action, whatever the adapter already showed or hid.
    if (!context.canManage && actions.some(changesSettings)) return refuseManage(REFUSED_SETTINGS);
    try {
      const replies: ChatMessage[] = [];
      for (const action of actions) replies.push(...(await runOne(action, { deps, context, now: deps.clock.now() })));
      return combine(replies);
    } catch (error) {
      deps.logger.error({ err: error, actions: actions.map((a) => a.kind), platform: context.destination.platform }, 'action failed');
      return { kind: 'error', visibility: 'private', text: APOLOGY, lines: [APOLOGY] };
    }
  };

  const check: ActionHandler['checkSettings'] = async (input, context) => {
    if (!context.canManage) return { ok: false, errors: { topics: refuseManage(REFUSED_SETTINGS).text } };
    const checked = checkSettings(input, deps.topics);
    if (!checked.ok) return checked;
    // A muted source must be one this workspace can see (operator feeds, or its own).
    const mutes = checked.actions.flatMap((action) => (action.kind === 'set-mutes' ? action.mutes : []));
    for (const mute of mutes) {
      if (mute.kind !== 'source') continue;
      const feed = await deps.store.feeds.get(mute.feedId);
      const { platform, workspaceId } = context.destination;
      if (!feed || (feed.owner && (feed.owner.platform !== platform || feed.owner.workspaceId !== workspaceId))) {
        return { ok: false, errors: { mutes: `There is no source with the id "${mute.feedId}": \`feeds\` lists the ids.` } };
      }
    }
    return checked;
  };

  return {
    settingsForm,
    checkSettings: check,
    run,
    async saveSettings(input, context) {
      const checked = await check(input, context);
      if (!checked.ok) {
        const form = formFromInput(input, await settingsForm(context), checked.errors);
        const text = `Nothing was saved: ${Object.values(checked.errors).join(' ')}`;
        return { saved: false, message: { kind: 'error', visibility: 'private', text, lines: [text], form } };
      }
      const message = await run(checked.actions, context);
      const form = await settingsForm(context);
      const notice = message.kind === 'error'
        ? message.text
        : `Saved: ${form.selected.join(', ')}; weekly digest ${describeSchedule(form.digest)}.`;
      return { saved: message.kind !== 'error', message: { ...message, form: { ...form, notice } } };
    },
    async latestStories(topics, limit) {
      const known = [...new Set(topics)].filter((id) => deps.topics.some((topic) => topic.id === id));
      if (known.length === 0) return [];
      return toStoryItems(await previewItems(deps.store.items, known, limit * 3), limit);
    },
  };
}
