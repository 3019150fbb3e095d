/**
 * The actions under a delivered item (Why this?, More on this story, Not relevant): one small
 * button each, action_id `item_<action>` and the stored item id as the only value. The item
 * renderer calls renderPostActions; interaction-listeners.ts turns a click back into the core's
 * action (which checks the id again).
 */
import type { types } from '@slack/bolt';
import { ITEM_ACTION_LABELS, ITEM_ACTIONS, type ItemActionKind, type MessageItem } from '../../src/index.js';

/** action_id prefix of the post actions. */
export const POST_ACTION_PREFIX = 'item_';

/** The actions block for an item with a stored id; nothing for items without one (lists, previews). */
export function renderPostActions(item: MessageItem): types.KnownBlock[] {
  if (item.id === undefined) return [];
  const id = String(item.id);
  const elements: types.Button[] = ITEM_ACTIONS.map((kind: ItemActionKind) => ({
    type: 'button',
    action_id: `${POST_ACTION_PREFIX}${kind}`,
    text: { type: 'plain_text', text: ITEM_ACTION_LABELS[kind] },
    value: id,
  }));
  return [{ type: 'actions', block_id: `item_actions_${id}`, elements }];
}

/** The action kind of a post action's action_id, or null. */
export function postActionKind(actionId: string): string | null {
  return actionId.startsWith(POST_ACTION_PREFIX) ? actionId.slice(POST_ACTION_PREFIX.length) : null;
}
