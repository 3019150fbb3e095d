import type { Clock } from '../core/clock.js';
import type { Store } from '../store/store.js';
import type { TopicDefinition } from '../tagging/topic-definition.js';

/** What every page renderer reads: the store, the taxonomy, the clock and the display zone. */
export interface WebContext {
  store: Store;
  topics: readonly TopicDefinition[];
  clock: Clock;
  /** IANA zone dates are shown in (the deployment's digest time zone). */
  timeZone: string;
}

/** A topic's label, or its id when the taxonomy no longer has it. */
export function topicLabel(context: WebContext, id: string): string {
  return context.topics.find((topic) => topic.id === id)?.label ?? id;
}
