/**
 * The platform-neutral message every command reply, delivery and digest is built as. Adapters
 * render it (Slack Block Kit, Teams Adaptive Cards, console text) and escape every string
 * themselves: core code puts raw feed text here, never pre-escaped markup.
 */
import type { StoredItem } from '../core/types.js';
import type { SettingsForm } from './settings-form.js';

export interface MessageItem {
  title: string;
  url: string | null;
  summary: string;
  source: string;
  publishedAt: Date | null;
  /** Topic labels as people read them (never ids). */
  topics: string[];
  /** e.g. "+2 sources" when the item heads a multi-source story. */
  note?: string;
  /** Jurisdiction ids (us, eu, uk, apac, intl); adapters show them as a short mark ("EU"). */
  jurisdictions?: string[];
  /** The stored item id; adapters show it as the reference `#<id>` that `why` accepts. */
  id?: number;
  /** Why this post is here, e.g. "Matched AI & automated decisions" or `Watch "clearview"`. */
  reason?: string;
}

export interface MessageSection {
  heading: string;
  items: MessageItem[];
  /** Shown after the items, e.g. "and 12 more". */
  more?: string;
}

export interface MessageButton {
  label: string;
  url?: string;
  /** A command to run when pressed (e.g. "latest ai 10"). */
  command?: string;
}

export interface ChatMessage {
  /** Plain-text fallback and notification text; always present. */
  text: string;
  title?: string;
  /** Plain paragraphs shown under the title. */
  lines?: string[];
  items?: MessageItem[];
  sections?: MessageSection[];
  fields?: Array<{ label: string; value: string }>;
  buttons?: MessageButton[];
  /** Small print at the end (source-health note, counts). */
  footer?: string;
  /** Replies are private to the asker unless a command asked for `public`. */
  visibility?: 'private' | 'public';
  /** 'story_update': a later report of a story already posted, shown as one line in its thread. */
  kind?: 'reply' | 'item' | 'story_update' | 'digest' | 'notice' | 'rollup' | 'error';
  /** The channel's settings as a form (Slack modal, Teams card inputs); text-only adapters show `text`. */
  form?: SettingsForm;
}

/** Turns a topic id into the label people read; unknown ids are shown as they are. */
export type TopicLabeler = (topicId: string) => string;

/** A labeler over a taxonomy (ids it does not know are returned unchanged). */
export function topicLabeler(topics: ReadonlyArray<{ id: string; label: string }>): TopicLabeler {
  const labels = new Map(topics.map((topic) => [topic.id, topic.label]));
  return (topicId) => labels.get(topicId) ?? topicId;
}

/** A stored item as a message item (raw text: adapters escape), its topics as labels. */
export function toMessageItem(item: StoredItem, note?: string, labelOf: TopicLabeler = (id) => id): MessageItem {
  const base: MessageItem = {
    title: item.title,
    url: item.url,
    summary: item.summary,
    source: item.source,
    publishedAt: item.publishedAt ?? item.firstSeenAt,
    topics: item.topics.map(labelOf),
    id: item.id,
    ...(item.jurisdictions.length > 0 ? { jurisdictions: item.jurisdictions } : {}),
  };
  return note === undefined ? base : { ...base, note };
}
