/**
 * The settings form on the command core's side: the form filled with a channel's saved settings,
 * and the check of a submitted form. The check uses the typed commands' own parsers (topic ids,
 * day, time, zone), so the form accepts exactly what `subscribe` and `digest weekly` accept. It
 * stores nothing: a submission either becomes actions, or field errors and no change at all.
 */
import type { SettingsField, SettingsForm, SettingsInput } from '../chat/settings-form.js';
import type { DigestSchedule, Subscription } from '../core/types.js';
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
export function settingsFormFor(subscription: Subscription | null, topics: readonly TopicRef[], defaults: DigestSchedule): SettingsForm {
  return {
    topics: topics.map((topic) => ({ id: topic.id, label: topic.label })),
    selected: subscription ? subscription.topics.filter((id) => topics.some((topic) => topic.id === id)) : [],
    digest: subscription?.digest ?? defaults,
    subscribed: subscription !== null,
  };
}

/** Checks a submitted form against the taxonomy; every field is checked so all errors show at once. */
export function checkSettings(input: SettingsInput, topics: readonly TopicRef[]): SettingsCheck {
  const errors: Partial<Record<SettingsField, string>> = {};
  // Bounded before any work: a form can hold at most every topic once.
  const ids = [...new Set(input.topics.slice(0, topics.length + 1).map((id) => id.trim().slice(0, MAX_FIELD_CHARS)).filter(Boolean))];
  const unknown = ids.filter((id) => !topics.some((topic) => topic.id === id));
  if (ids.length === 0) errors.topics = 'Pick at least one topic (to stop everything, type `unsubscribe all`).';
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
  if (Object.keys(errors).length > 0) return { ok: false, errors };

  const actions: ChannelAction[] = [{ kind: 'set-topics', topics: ids }];
  // Digest off with no day, time or zone given keeps the saved schedule, switched off.
  const schedule = weekday !== null && parsedTime !== null && timeZone !== null ? { weekday, time: parsedTime, timeZone } : null;
  actions.push({ kind: 'set-digest', enabled: input.digestEnabled, schedule });
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
