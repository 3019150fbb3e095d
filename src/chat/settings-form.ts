/**
 * A channel's settings as a form: what the adapters render as a Slack modal or an Adaptive Card
 * form, and what a submitted form is checked against. Platform-neutral and raw: adapters escape.
 */
import type { DigestSchedule } from '../core/types.js';

/** The form's fields; a field error names one of these so it shows next to the right input. */
export type SettingsField = 'topics' | 'digestDay' | 'digestTime' | 'digestZone' | 'watches' | 'mutes' | 'quiet';

/** The settings form for one channel, filled with what is saved now (or the defaults). */
export interface SettingsForm {
  /** Every topic that can be picked, in taxonomy order. */
  topics: Array<{ id: string; label: string }>;
  /** Topic ids the channel follows now. */
  selected: string[];
  /** The digest as saved (or the defaults for a channel without a subscription). */
  digest: DigestSchedule;
  /** Whether the channel has a subscription yet. */
  subscribed: boolean;
  /** Watch queries, as `watches` lists them. */
  watches: string[];
  /** Mutes: `source <feed id>` or a query, as `mutes` lists them. */
  mutes: string[];
  /** Quiet hours as typed after `quiet` (`22:00-07:00 weekends Europe/Berlin`), or empty for none. */
  quiet: string;
  /** Problems of a rejected submission, by field; nothing was saved. */
  errors?: Partial<Record<SettingsField, string>>;
  /** Shown above the inputs after a save ("Saved: ..."). */
  notice?: string;
}

/** A submitted form as the person filled it in: raw strings, checked by the command core. */
export interface SettingsInput {
  /** Topic ids ticked (option values). */
  topics: string[];
  digestEnabled: boolean;
  /** A day name (`mon`, `Monday`). */
  digestDay: string;
  /** 24-hour `HH:MM`. */
  digestTime: string;
  /** IANA zone name. */
  digestZone: string;
  /** Watch queries, one per line. */
  watches: string;
  /** Mutes, one per line: `source <feed id>` or a query. */
  mutes: string;
  /** Quiet hours as typed after `quiet`, empty or `off` for none. */
  quiet: string;
}
