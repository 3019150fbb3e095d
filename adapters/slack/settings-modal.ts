/**
 * The channel settings modal: the core's SettingsForm as Block Kit inputs (topics multi-select,
 * digest on/off, day, time picker, zone typeahead), and a submitted view's state read back into a
 * SettingsInput for the core to check. Block ids are the form's field names, so the core's field
 * errors go straight into `response_action: "errors"` next to the right input.
 */
import type { types } from '@slack/bolt';
import type { SettingsField, SettingsForm, SettingsInput } from '../../src/index.js';
import { fitEscaped } from './escape-text.js';

/** callback_id of the settings modal (view_submission is routed on it). */
export const SETTINGS_CALLBACK_ID = 'privacy_settings';
/** action_id of the zone typeahead (block_suggestion is routed on it). */
export const ZONE_ACTION_ID = 'digest_zone';

/** Block Kit limits that apply to views (https://docs.slack.dev/reference/block-kit). */
export const VIEW_LIMITS = { blocks: 100, options: 100, optionText: 75, optionValue: 150, title: 24, label: 2000, metadata: 3000 } as const;

const DAYS: Array<[string, string]> = [
  ['monday', 'Monday'], ['tuesday', 'Tuesday'], ['wednesday', 'Wednesday'], ['thursday', 'Thursday'],
  ['friday', 'Friday'], ['saturday', 'Saturday'], ['sunday', 'Sunday'],
];
const DAY_INDEX = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

type KnownBlock = types.KnownBlock;
type Option = { text: types.PlainTextElement; value: string };

function plain(text: string, max: number): types.PlainTextElement {
  return { type: 'plain_text', text: fitEscaped(text, max) };
}

function option(label: string, value: string): Option {
  return { text: plain(label, VIEW_LIMITS.optionText), value: value.slice(0, VIEW_LIMITS.optionValue) };
}

/** Slack channel ids (C…, G…) are upper-case letters and digits; private_metadata carries one. */
export function isChannelId(value: unknown): value is string {
  return typeof value === 'string' && /^[A-Z0-9]{2,30}$/.test(value);
}

/** The modal for one channel (its id travels in private_metadata, nothing else). */
export function renderSettingsModal(form: SettingsForm, channelId: string): types.ModalView {
  const topicOptions = form.topics.slice(0, VIEW_LIMITS.options).map((topic) => option(`${topic.label} (${topic.id})`, topic.id));
  const selected = topicOptions.filter((entry) => form.selected.includes(entry.value));
  const dayOptions = DAYS.map(([value, label]) => option(label, value));
  const day = dayOptions.find((entry) => entry.value === DAY_INDEX[form.digest.weekday]);
  const onOption = option('Post a weekly digest of the top stories', 'on');
  const blocks: KnownBlock[] = [
    { type: 'section', text: { type: 'mrkdwn', text: `Settings for <#${channelId}>. The same as typing \`/privacy subscribe …\` and \`/privacy digest weekly …\` there.` } },
  ];
  if (form.notice) blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: fitEscaped(form.notice, 1000) }] });
  blocks.push(
    {
      type: 'input',
      block_id: 'topics' satisfies SettingsField,
      label: plain('Topics', 100),
      hint: plain('New items on these topics are posted in the channel.', 150),
      element: {
        type: 'multi_static_select',
        action_id: 'value',
        placeholder: plain('Pick topics', 150),
        options: topicOptions,
        ...(selected.length > 0 ? { initial_options: selected } : {}),
      },
    },
    {
      type: 'input',
      block_id: 'digestEnabled',
      optional: true,
      label: plain('Weekly digest', 100),
      element: { type: 'checkboxes', action_id: 'value', options: [onOption], ...(form.digest.enabled ? { initial_options: [onOption] } : {}) },
    },
    {
      type: 'input',
      block_id: 'digestDay' satisfies SettingsField,
      label: plain('Digest day', 100),
      element: { type: 'static_select', action_id: 'value', options: dayOptions, ...(day ? { initial_option: day } : {}) },
    },
    {
      type: 'input',
      block_id: 'digestTime' satisfies SettingsField,
      label: plain('Digest time', 100),
      element: { type: 'timepicker', action_id: 'value', ...(form.digest.time ? { initial_time: form.digest.time } : {}) },
    },
    {
      type: 'input',
      block_id: 'digestZone' satisfies SettingsField,
      label: plain('Time zone', 100),
      hint: plain('Type part of a city or region, e.g. Berlin or New_York.', 150),
      element: {
        type: 'external_select',
        action_id: ZONE_ACTION_ID,
        min_query_length: 1,
        placeholder: plain('Search time zones', 150),
        ...(form.digest.timeZone ? { initial_option: option(form.digest.timeZone, form.digest.timeZone) } : {}),
      },
    },
    textInput('watches', 'Watches', form.watches.join('\n'), true, 'One search per line: posted here whatever their topics, e.g. clearview or "facial recognition" -police.'),
    textInput('mutes', 'Mutes', form.mutes.join('\n'), true, 'One per line: source <feed id> (ids are in /privacy feeds) or a search, e.g. crypto -privacy.'),
    textInput('quiet', 'Quiet hours', form.quiet, false, 'Posts in this window arrive as one message when it ends, e.g. 22:00-07:00 weekends Europe/Berlin. Empty: none.'),
  );
  return {
    type: 'modal',
    callback_id: SETTINGS_CALLBACK_ID,
    private_metadata: channelId,
    title: plain('Channel settings', VIEW_LIMITS.title),
    submit: plain('Save', VIEW_LIMITS.title),
    close: plain('Cancel', VIEW_LIMITS.title),
    blocks,
  };
}

/** An optional text input whose block id is the form field. */
function textInput(field: SettingsField, label: string, value: string, multiline: boolean, hint: string): KnownBlock {
  return {
    type: 'input',
    block_id: field,
    optional: true,
    label: plain(label, 100),
    hint: plain(hint, 2000),
    element: { type: 'plain_text_input', action_id: 'value', multiline, max_length: 3000, ...(value ? { initial_value: value.slice(0, 3000) } : {}) },
  };
}

/** A modal that only says something (no inputs), e.g. when the person may not change settings. */
export function renderNoticeModal(title: string, text: string): types.ModalView {
  return {
    type: 'modal',
    title: plain(title, VIEW_LIMITS.title),
    close: plain('Close', VIEW_LIMITS.title),
    blocks: [{ type: 'section', text: { type: 'mrkdwn', text: fitEscaped(text, 3000) } }],
  };
}

type StateValues = Record<string, Record<string, { selected_options?: Option[]; selected_option?: Option | null; selected_time?: string | null; value?: string | null }>>;

/** Reads a submitted settings view into the raw input the core checks (no rule applied here). */
export function readSettingsInput(values: unknown): SettingsInput {
  const state = (typeof values === 'object' && values !== null ? values : {}) as StateValues;
  const field = (block: string, action = 'value') => state[block]?.[action];
  const optionValue = (entry: Option | null | undefined) => (typeof entry?.value === 'string' ? entry.value : '');
  const topics = field('topics')?.selected_options;
  return {
    topics: Array.isArray(topics) ? topics.map(optionValue) : [],
    digestEnabled: (field('digestEnabled')?.selected_options ?? []).some((entry) => optionValue(entry) === 'on'),
    digestDay: optionValue(field('digestDay')?.selected_option),
    digestTime: typeof field('digestTime')?.selected_time === 'string' ? String(field('digestTime')?.selected_time) : '',
    digestZone: optionValue(field('digestZone', ZONE_ACTION_ID)?.selected_option),
    watches: text(field('watches')?.value),
    mutes: text(field('mutes')?.value),
    quiet: text(field('quiet')?.value),
  };
}

/** A text input's value (Slack caps them at max_length; capped again here). */
function text(value: unknown): string {
  return typeof value === 'string' ? value.slice(0, 3000) : '';
}

/** Zone names as typeahead options (block_suggestion answer), at most 100. */
export function zoneOptions(zones: string[]): Option[] {
  return zones.slice(0, VIEW_LIMITS.options).map((zone) => option(zone, zone));
}
