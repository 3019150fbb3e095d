/**
 * The actions under a delivered item card (Why this?, More on this story, Not relevant): one
 * Action.Submit each, whose data is the action name and the stored item id and nothing else.
 * Teams sends the data back as a message activity with `value`; handle-turn.ts turns it into the
 * core's action (which checks the id again). The card renderer calls renderPostActions.
 */
import { ITEM_ACTION_LABELS, ITEM_ACTIONS, type ChatMessage } from '../../src/index.js';
import type { CardElement } from './fit-card.js';

/** The key in Action.Submit data that names a post action. */
export const POST_ACTION_KEY = 'privacyAction';

/** Actions for a post of one delivered item with a stored id; none for anything else. */
export function renderPostActions(message: ChatMessage): CardElement[] {
  const item = message.kind === 'item' && message.items?.length === 1 ? message.items[0] : undefined;
  if (item?.id === undefined) return [];
  return ITEM_ACTIONS.map((kind) => ({ type: 'Action.Submit', title: ITEM_ACTION_LABELS[kind], data: { [POST_ACTION_KEY]: kind, itemId: item.id } }));
}

/** The post action named in a submitted card's data, or null when it is not one. */
export function postActionOf(value: unknown): { kind: unknown; itemId: unknown } | null {
  if (typeof value !== 'object' || value === null || !(POST_ACTION_KEY in value)) return null;
  const data = value as Record<string, unknown>;
  return { kind: data[POST_ACTION_KEY], itemId: data.itemId };
}
