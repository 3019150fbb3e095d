/** Outbox payloads written by routing and read by the renderers (stored as JSON). */
export interface ItemPayload {
  itemId: number;
  /** Topic ids the channel follows that the item has: the post says it is here because of them. */
  matchedTopics?: string[];
  /** The watch query that matched, when a watch brought the item here. */
  matchedWatch?: string;
}

/** Later coverage of a story: which item, for the "Also covered by" reply. */
export interface StoryUpdatePayload {
  itemId: number;
  storyId: number;
  source: string;
}

/** An admin notice's text. */
export interface NoticePayload {
  text: string;
}

/** Items over a channel's hourly cap, or held by its quiet hours, posted as one message. */
export interface RollupPayload {
  itemIds: number[];
  /** 'quiet': released at the end of quiet hours; absent: over the hourly cap. */
  reason?: 'quiet';
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** The item id of an item or story_update payload, or null when malformed. */
export function payloadItemId(payload: unknown): number | null {
  return isObject(payload) && typeof payload.itemId === 'number' ? payload.itemId : null;
}

/** The text of a notice payload, or null. */
export function payloadText(payload: unknown): string | null {
  return isObject(payload) && typeof payload.text === 'string' ? payload.text : null;
}

/** The item ids of a rollup payload (malformed entries dropped). */
export function payloadItemIds(payload: unknown): number[] {
  if (!isObject(payload) || !Array.isArray(payload.itemIds)) return [];
  return payload.itemIds.filter((id): id is number => typeof id === 'number');
}

/** Why a rollup was made: 'quiet' (quiet hours ended) or 'cap' (over the hourly cap). */
export function payloadRollupReason(payload: unknown): 'quiet' | 'cap' {
  return isObject(payload) && payload.reason === 'quiet' ? 'quiet' : 'cap';
}

/** The source named by a story_update payload, or null. */
export function payloadSource(payload: unknown): string | null {
  return isObject(payload) && typeof payload.source === 'string' ? payload.source : null;
}

/** The watch query recorded by routing, or null (no watch matched, or routed before watches). */
export function payloadMatchedWatch(payload: unknown): string | null {
  return isObject(payload) && typeof payload.matchedWatch === 'string' ? payload.matchedWatch : null;
}

/** The matched topic ids an item payload recorded, or null when routing did not record them. */
export function payloadMatchedTopics(payload: unknown): string[] | null {
  if (!isObject(payload) || !Array.isArray(payload.matchedTopics)) return null;
  return payload.matchedTopics.filter((id): id is string => typeof id === 'string');
}
