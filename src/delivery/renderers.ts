import type { ChatMessage } from '../chat/message.js';
import type { Clock } from '../core/clock.js';
import type { OutboxKind, OutboxRow, Store } from '../store/store.js';
import { renderRollup } from './render-rollup.js';
import { renderItem, renderNotice, renderStoryUpdate } from './render-item.js';

/** What a renderer may read. */
export interface RenderDeps {
  store: Store;
  clock: Clock;
}

/** Turns an outbox row into a message; null when there is nothing to send (item deleted). */
export type Renderer = (row: OutboxRow, deps: RenderDeps) => Promise<ChatMessage | null>;

/** Renderers by outbox kind; 'digest' comes from src/digest/ and is wired by the composition root. */
export type RendererRegistry = Partial<Record<OutboxKind, Renderer>>;

/** The renderers delivery owns: item, story_update, notice, rollup. */
export function createDefaultRenderers(): RendererRegistry {
  return { item: renderItem, story_update: renderStoryUpdate, notice: renderNotice, rollup: renderRollup };
}
