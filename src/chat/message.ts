/**
 * The platform-neutral message every command reply, delivery and digest is built as. Adapters
 * render it (Slack Block Kit, Teams Adaptive Cards, console text) and escape every string
 * themselves: core code puts raw feed text here, never pre-escaped markup.
 */
import type { StoredItem } from '../core/types.js';

export interface MessageItem {
  title: string;
  url: string | null;
  summary: string;
  source: string;
  publishedAt: Date | null;
  topics: string[];
  /** e.g. "+2 sources" when the item heads a multi-source story. */
  note?: string;
  /** Jurisdiction ids (us, eu, uk, apac, intl); adapters show them as a short mark ("EU"). */
  jurisdictions?: string[];
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
  kind?: 'reply' | 'item' | 'digest' | 'notice' | 'rollup' | 'error';
}

/** A stored item as a message item (raw text: adapters escape). */
export function toMessageItem(item: StoredItem, note?: string): MessageItem {
  const base: MessageItem = {
    title: item.title,
    url: item.url,
    summary: item.summary,
    source: item.source,
    publishedAt: item.publishedAt ?? item.firstSeenAt,
    topics: item.topics,
    ...(item.jurisdictions.length > 0 ? { jurisdictions: item.jurisdictions } : {}),
  };
  return note === undefined ? base : { ...base, note };
}
