/**
 * The typed action vocabulary: what a button, menu or form can ask of the bot. Adapters turn a
 * platform payload into one of these and nothing else; the action handler runs them with the
 * same functions as the typed commands, so a button and its command can never disagree.
 * Values that travel in payloads are ids only, and are checked here before anything runs.
 */
import type { DigestSchedule, Mute, QuietHours } from '../core/types.js';

/** One action on one channel. */
export type ChannelAction =
  /** Follow exactly these topic ids (adds with `subscribe`, removes with `unsubscribe`). */
  | { kind: 'set-topics'; topics: string[] }
  /** The weekly digest on or off, with a new day, time and zone (null: keep the saved ones). */
  | { kind: 'set-digest'; enabled: boolean; schedule: Omit<DigestSchedule, 'enabled'> | null }
  /** `why #id`: the item's topics and the phrases behind them. */
  | { kind: 'why'; itemId: number }
  /** The other reports of the item's story. */
  | { kind: 'more-on-story'; itemId: number }
  /** `mute source <the item's feed>` in this channel. */
  | { kind: 'mute-source'; itemId: number }
  /** Records (item, topic, channel) as not relevant; no user id. */
  | { kind: 'not-relevant'; itemId: number }
  /** Watch exactly these queries (adds with `watch`, removes with `unwatch`). */
  | { kind: 'set-watches'; queries: string[] }
  /** Mute exactly these sources and queries (adds with `mute`, removes with `unmute`). */
  | { kind: 'set-mutes'; mutes: Mute[] }
  /** Quiet hours (`quiet <start>-<end> [weekends] <zone>`), or none (`quiet off`). */
  | { kind: 'set-quiet'; quiet: QuietHours | null };

/** The post actions every delivered item offers, in display order. */
export const ITEM_ACTIONS = ['why', 'more-on-story', 'mute-source', 'not-relevant'] as const;

/** One of the item actions. */
export type ItemActionKind = (typeof ITEM_ACTIONS)[number];

/** Button labels for the item actions (adapters show these). */
export const ITEM_ACTION_LABELS: Record<ItemActionKind, string> = {
  why: 'Why this?',
  'more-on-story': 'More on this story',
  'mute-source': 'Mute this source here',
  'not-relevant': 'Not relevant',
};

/** Item ids are positive integers; a payload value is accepted only in this form. */
const ITEM_ID = /^[1-9]\d{0,14}$/;

/** The item action named by `kind` on the item id in `value`, or null when either is not valid. */
export function itemAction(kind: unknown, value: unknown): Extract<ChannelAction, { itemId: number }> | null {
  if (typeof kind !== 'string' || !(ITEM_ACTIONS as readonly string[]).includes(kind)) return null;
  const text = typeof value === 'number' ? String(value) : value;
  if (typeof text !== 'string' || !ITEM_ID.test(text)) return null;
  const itemId = Number(text);
  if (!Number.isSafeInteger(itemId)) return null;
  return { kind: kind as ItemActionKind, itemId };
}

/** Actions that change the channel's settings: refused unless the person may manage it. */
export function changesSettings(action: ChannelAction): boolean {
  return action.kind !== 'why' && action.kind !== 'more-on-story' && action.kind !== 'not-relevant';
}
