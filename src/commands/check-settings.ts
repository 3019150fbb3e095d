/**
 * The settings form on the command core's side: the form filled with a channel's saved settings,
 * and the check of a submitted form. The check uses the typed commands' own parsers (topic ids,
 * day, time, zone), so the form accepts exactly what `subscribe` and `digest weekly` accept. It
 * stores nothing: a submission either becomes actions, or field errors and no change at all.
 */
import type { SettingsField, SettingsForm, SettingsInput } from '../chat/settings-form.js';
import type { Destination, DigestSchedule, Mute, QuietHours, Subscription } from '../core/types.js';
import type { CommandDeps } from './command-deps.js';
import { isQueryProblem, MAX_QUERY_CHARS, parseQuery } from '../search/parse-query.js';
import { MAX_MUTES, MAX_WATCHES } from './handlers/channel-rules.js';
import { parseQuietArgs } from './parse-quiet-args.js';
import type { ChannelAction } from './channel-action.js';
import { parseTime, parseTimeZone, parseWeekday } from './parse-digest-args.js';
import type { TopicRef } from './topic-resolver.js';

/** Longest text read from any one form field; option values and zones are far shorter. */
export const MAX_FIELD_CHARS = 100;

/** A checked submission: the actions to run, or what was wrong with which field. */
export type SettingsCheck =
  | { ok: true; actions: ChannelAction[] }
  | { ok: false; errors: Partial<Record<SettingsField, string>> };

/** The form for a channel: its saved topics and digest, or nothing ticked and the default digest. */
export function settingsFormFor(
  subscription: Subscription | null,
  topics: readonly TopicRef[],
  defaults: DigestSchedule,
  rules: { watches: string[]; mutes: Mute[] } = { watches: [], mutes: [] },
): SettingsForm {
  const quiet = subscription?.quiet;
  return {
    topics: topics.map((topic) => ({ id: topic.id, label: topic.label })),
    selected: subscription ? subscription.topics.filter((id) => topics.some((topic) => topic.id === id)) : [],
    digest: subscription?.digest ?? defaults,
    subscribed: subscription !== null,
    watches: rules.watches,
    mutes: rules.mutes.map(muteLine),
    quiet: quiet ? `${quiet.start}-${quiet.end}${quiet.weekends ? ' weekends' : ''} ${quiet.timeZone}` : '',
  };
}

/** A mute as one line of the form: `source <feed id>` or the query. */
export function muteLine(mute: Mute): string {
  return mute.kind === 'source' ? `source ${mute.feedId}` : mute.query;
}

/** Non-empty lines of a multi-line field, at most `max + 1` read (one more shows "too many"). */
function lines(text: string, max: number): string[] {
  return text.slice(0, (max + 1) * (MAX_QUERY_CHARS + 2)).split(/\r?\n/).map((line) => line.trim()).filter(Boolean).slice(0, max + 1);
}

/** Feed ids as feeds.json allows them. */
const FEED_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;

function checkWatches(text: string, errors: Partial<Record<SettingsField, string>>): string[] {
  const queries: string[] = [];
  const typed = lines(text, MAX_WATCHES);
  if (typed.length > MAX_WATCHES) errors.watches = `At most ${MAX_WATCHES} watches, one per line.`;
  for (const [index, line] of typed.slice(0, MAX_WATCHES).entries()) {
    const query = parseQuery(line);
    if (isQueryProblem(query)) {
      errors.watches ??= `Line ${index + 1}: ${query.problem}.`;
      continue;
    }
    if (!queries.includes(query.text)) queries.push(query.text);
  }
  return queries;
}

function checkMutes(text: string, errors: Partial<Record<SettingsField, string>>): Mute[] {
  const mutes: Mute[] = [];
  const typed = lines(text, MAX_MUTES);
  if (typed.length > MAX_MUTES) errors.mutes = `At most ${MAX_MUTES} mutes, one per line.`;
  for (const [index, line] of typed.slice(0, MAX_MUTES).entries()) {
    const source = /^source\s+(\S+)$/i.exec(line);
    if (source) {
      if (FEED_ID.test(source[1] ?? '')) mutes.push({ kind: 'source', feedId: source[1]! });
      else errors.mutes ??= `Line ${index + 1}: "${source[1]!.slice(0, 40)}" is not a source id (\`feeds\` lists them).`;
      continue;
    }
    const query = parseQuery(line);
    if (isQueryProblem(query)) errors.mutes ??= `Line ${index + 1}: ${query.problem}.`;
    else if (!mutes.some((mute) => mute.kind === 'query' && mute.query === query.text)) mutes.push({ kind: 'query', query: query.text });
  }
  return mutes;
}

function checkQuiet(text: string, zone: string | null, errors: Partial<Record<SettingsField, string>>): QuietHours | null {
  const typed = bounded(text);
  if (typed === '' || /^off$/i.test(typed)) return null;
  const request = parseQuietArgs(typed.split(/\s+/));
  if ('problem' in request) {
    errors.quiet = `${request.problem.charAt(0).toUpperCase()}${request.problem.slice(1)}. Example: 22:00-07:00 weekends Europe/Berlin`;
    return null;
  }
  if (request.action !== 'set') return null;
  return { start: request.start, end: request.end, weekends: request.weekends, timeZone: request.timeZone ?? zone ?? 'UTC' };
}

/** The channel's settings form: subscription, watches and mutes as saved now. */
export async function loadSettingsForm(deps: CommandDeps, destination: Destination): Promise<SettingsForm> {
  const [subscription, watches, mutes] = await Promise.all([
    deps.store.subscriptions.get(destination),
    deps.store.watches.list(destination),
    deps.store.mutes.list(destination),
  ]);
  return settingsFormFor(subscription, deps.topics, deps.digestDefaults, { watches, mutes });
}

/** Checks a submitted form against the taxonomy; every field is checked so all errors show at once. */
export function checkSettings(input: SettingsInput, topics: readonly TopicRef[]): SettingsCheck {
  const errors: Partial<Record<SettingsField, string>> = {};
  // Bounded before any work: a form can hold at most every topic once.
  const ids = [...new Set(input.topics.slice(0, topics.length + 1).map((id) => id.trim().slice(0, MAX_FIELD_CHARS)).filter(Boolean))];
  const unknown = ids.filter((id) => !topics.some((topic) => topic.id === id));
  const watches = checkWatches(input.watches, errors);
  const mutes = checkMutes(input.mutes, errors);
  // A channel may follow watches alone; with neither there is nothing to post.
  if (ids.length === 0 && watches.length === 0) errors.topics = 'Pick at least one topic, or add a watch (to stop everything, type `unsubscribe all`).';
  else if (ids.length > topics.length || unknown.length > 0) errors.topics = `Not a topic: ${unknown.slice(0, 3).join(', ').slice(0, MAX_FIELD_CHARS)}. Pick from the list.`;

  const day = bounded(input.digestDay);
  const time = bounded(input.digestTime);
  const zone = bounded(input.digestZone);
  const weekday = day ? parseWeekday(day) : null;
  const parsedTime = time ? parseTime(time) : null;
  const timeZone = zone ? parseTimeZone(zone) : null;
  // A day, time or zone is needed only for a digest that is on; a wrong one is refused either way.
  if (weekday === null && (day || input.digestEnabled)) errors.digestDay = day ? `"${day}" is not a day of the week, e.g. Monday.` : 'Pick a day.';
  if (parsedTime === null && (time || input.digestEnabled)) errors.digestTime = time ? `"${time}" is not a 24-hour time, e.g. 09:00.` : 'Pick a time.';
  if (timeZone === null && (zone || input.digestEnabled)) errors.digestZone = zone ? `"${zone}" is not an IANA time zone, e.g. Europe/Berlin.` : 'Pick a time zone.';
  const quiet = checkQuiet(input.quiet, timeZone, errors);
  if (Object.keys(errors).length > 0) return { ok: false, errors };

  const actions: ChannelAction[] = [{ kind: 'set-topics', topics: ids }];
  // Digest off with no day, time or zone given keeps the saved schedule, switched off.
  const schedule = weekday !== null && parsedTime !== null && timeZone !== null ? { weekday, time: parsedTime, timeZone } : null;
  actions.push({ kind: 'set-digest', enabled: input.digestEnabled, schedule });
  actions.push({ kind: 'set-watches', queries: watches }, { kind: 'set-mutes', mutes }, { kind: 'set-quiet', quiet });
  return { ok: true, actions };
}

function bounded(value: string): string {
  const trimmed = value.trim();
  return trimmed.length > MAX_FIELD_CHARS ? `${trimmed.slice(0, MAX_FIELD_CHARS)}…` : trimmed;
}

/** The IANA zones whose name contains `query` (case-insensitive), for a zone typeahead. */
export function suggestTimeZones(query: string, limit: number): string[] {
  const needle = query.trim().toLowerCase().replace(/\s+/g, '_').slice(0, MAX_FIELD_CHARS);
  const zones = ['UTC', ...Intl.supportedValuesOf('timeZone').filter((zone) => zone !== 'UTC')];
  if (!needle) return zones.slice(0, limit);
  const starts = zones.filter((zone) => zone.toLowerCase().split('/').some((part) => part.startsWith(needle)));
  const contains = zones.filter((zone) => zone.toLowerCase().includes(needle) && !starts.includes(zone));
  return [...starts, ...contains].slice(0, limit);
}
