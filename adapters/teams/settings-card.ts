/**
 * The channel settings as an Adaptive Card form: topics (multi-select checkboxes), digest on/off,
 * day, time and zone, and a Save button (Action.Execute, verb `saveSettings`). Teams sends the
 * inputs back as an `adaptiveCard/action` invoke; the bot answers with this card again, showing
 * what was saved, or the submitted values with each field's error under its input. Input ids are
 * the form's field names. Also reads an invoke's data back into the core's SettingsInput.
 */
import type { ChatMessage, SettingsField, SettingsForm, SettingsInput } from '../../src/index.js';
import { coreCardMarkdown } from './card-markdown.js';
import type { AdaptiveCard, CardElement } from './fit-card.js';

/** The Action.Execute verb of the Save button. */
export const SAVE_SETTINGS_VERB = 'saveSettings';

const DAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const DAY_ORDER = [1, 2, 3, 4, 5, 6, 0];
/** Longest string read from any invoke field; the core bounds them again. */
const MAX_FIELD = 200;
/** A form never has more topics than this many ids, comma-separated. */
const MAX_TOPIC_VALUES = 200;

function text(value: string, extra: Record<string, unknown> = {}): CardElement {
  // Titles, notices and errors are the core's own text (`command` spans become bold).
  return { type: 'TextBlock', text: coreCardMarkdown(value), wrap: true, ...extra };
}

function errorUnder(form: SettingsForm, field: SettingsField): CardElement[] {
  const error = form.errors?.[field];
  return error ? [text(error, { color: 'Attention', size: 'Small', spacing: 'None' })] : [];
}

/** The settings form card for a reply that carries a form. */
export function renderSettingsCard(message: ChatMessage & { form: SettingsForm }): { card: AdaptiveCard; summary: string } {
  const { form } = message;
  const title = message.title ?? 'Channel settings';
  const body: CardElement[] = [text(title, { size: 'Medium', weight: 'Bolder' })];
  if (form.notice) body.push(text(form.notice, { color: 'Good' }));
  else if (form.errors) body.push(text('Nothing was saved. Please fix the fields marked below.', { color: 'Attention' }));
  else body.push(text(form.subscribed ? 'What this conversation follows, and its weekly digest.' : 'Pick the topics this conversation should get posts about.'));
  body.push(
    {
      type: 'Input.ChoiceSet',
      id: 'topics' satisfies SettingsField,
      label: 'Topics',
      isMultiSelect: true,
      style: 'expanded',
      // Choice titles are plain text (never Markdown), and labels come from the operator's taxonomy.
      choices: form.topics.map((topic) => ({ title: `${topic.label} (${topic.id})`, value: topic.id })),
      value: form.selected.join(','),
    },
    ...errorUnder(form, 'topics'),
    { type: 'Input.Toggle', id: 'digestEnabled', title: 'Post a weekly digest of the top stories', value: form.digest.enabled ? 'true' : 'false', valueOn: 'true', valueOff: 'false' },
    {
      type: 'Input.ChoiceSet',
      id: 'digestDay' satisfies SettingsField,
      label: 'Digest day',
      style: 'compact',
      choices: DAY_ORDER.map((day) => ({ title: capitalise(DAYS[day]!), value: DAYS[day]! })),
      value: DAYS[form.digest.weekday] ?? 'monday',
    },
    ...errorUnder(form, 'digestDay'),
    { type: 'Input.Time', id: 'digestTime' satisfies SettingsField, label: 'Digest time', value: form.digest.time },
    ...errorUnder(form, 'digestTime'),
    { type: 'Input.Text', id: 'digestZone' satisfies SettingsField, label: 'Time zone (IANA, e.g. Europe/Berlin)', value: form.digest.timeZone, maxLength: 100 },
    ...errorUnder(form, 'digestZone'),
    { type: 'Input.Text', id: 'watches' satisfies SettingsField, label: 'Watches (one search per line, posted whatever their topics)', value: form.watches.join('\n'), isMultiline: true, maxLength: 3000, placeholder: 'clearview' },
    ...errorUnder(form, 'watches'),
    { type: 'Input.Text', id: 'mutes' satisfies SettingsField, label: 'Mutes (one per line: source <feed id>, or a search)', value: form.mutes.join('\n'), isMultiline: true, maxLength: 3000, placeholder: 'source bbc-technology' },
    ...errorUnder(form, 'mutes'),
    { type: 'Input.Text', id: 'quiet' satisfies SettingsField, label: 'Quiet hours (posts held, then one message; empty: none)', value: form.quiet, maxLength: 100, placeholder: '22:00-07:00 weekends Europe/Berlin' },
    ...errorUnder(form, 'quiet'),
  );
  const card: AdaptiveCard = {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    fallbackText: message.text.slice(0, 2000),
    body,
    actions: [{ type: 'Action.Execute', title: 'Save', verb: SAVE_SETTINGS_VERB, style: 'positive' }],
    msteams: { width: 'Full' },
  };
  return { card, summary: title };
}

function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

function field(data: Record<string, unknown>, name: string): string {
  const value = data[name];
  return typeof value === 'string' ? value.slice(0, MAX_FIELD) : '';
}

function longField(data: Record<string, unknown>, name: string): string {
  const value = data[name];
  return typeof value === 'string' ? value.slice(0, 3000) : '';
}

/** An invoke's Action.Execute data (the card's inputs) as the core's raw SettingsInput. */
export function readSettingsData(data: unknown): SettingsInput {
  const values = (typeof data === 'object' && data !== null ? data : {}) as Record<string, unknown>;
  const topics = typeof values.topics === 'string' ? values.topics.slice(0, MAX_FIELD * 20).split(',', MAX_TOPIC_VALUES) : [];
  return {
    topics: topics.map((id) => id.trim()).filter(Boolean),
    digestEnabled: field(values, 'digestEnabled') === 'true',
    digestDay: field(values, 'digestDay'),
    digestTime: field(values, 'digestTime'),
    digestZone: field(values, 'digestZone'),
    watches: longField(values, 'watches'),
    mutes: longField(values, 'mutes'),
    quiet: field(values, 'quiet'),
  };
}
