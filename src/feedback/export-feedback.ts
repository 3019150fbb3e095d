/**
 * "Not relevant" feedback for operators: counts per topic, and an export as JSON lines in the
 * format of the tagger's evaluation data (id, title, description, source, url, date, topics,
 * note), where `topics` is what the item should have had: its tagged topics minus those people
 * marked not relevant. The file can be reviewed and added to a labelled set for `eval:tagging`.
 * Items already pruned by retention are left out (their text is gone); counts stay.
 */
import type { Store } from '../store/store.js';
import type { TopicRef } from '../commands/topic-resolver.js';

/** Most (item, topic) pairs read for one export. */
export const MAX_EXPORT_ROWS = 50_000;

/** One line of the export, in the evaluation data's field order. */
export interface FeedbackLine {
  id: string;
  title: string;
  description: string;
  source: string;
  url: string | null;
  date: string | null;
  topics: string[];
  note: string;
}

/** Per topic: how many (item, channel) pairs were marked not relevant, with the topic's label. */
export async function feedbackCounts(store: Store, topics: readonly TopicRef[]): Promise<Array<{ topic: string; label: string; count: number }>> {
  const counts = await store.feedback.countsByTopic();
  return counts.map((row) => ({ ...row, label: topics.find((topic) => topic.id === row.topic)?.label ?? row.topic }));
}

/** The export lines, most recent feedback first. */
export async function feedbackLines(store: Store, limit = MAX_EXPORT_ROWS): Promise<FeedbackLine[]> {
  const rows = await store.feedback.byItem(Math.min(limit, MAX_EXPORT_ROWS));
  const byItem = new Map<number, Array<{ topic: string; channels: number }>>();
  for (const row of rows) byItem.set(row.itemId, [...(byItem.get(row.itemId) ?? []), { topic: row.topic, channels: row.channels }]);
  const lines: FeedbackLine[] = [];
  for (const [itemId, marks] of byItem) {
    const item = await store.items.getById(itemId);
    if (!item) continue;
    const marked = marks.map((mark) => mark.topic);
    const described = marks.map((mark) => `${mark.topic} (${mark.channels} ${mark.channels === 1 ? 'channel' : 'channels'})`).join(', ');
    const date = item.publishedAt ?? null;
    lines.push({
      id: `feedback-${item.id}`,
      title: item.title,
      description: item.summary,
      source: item.source,
      url: item.url,
      date: date ? date.toISOString().slice(0, 10) : null,
      topics: item.topics.filter((topic) => !marked.includes(topic)),
      note: `Marked not relevant for ${described}; the tagger gave ${item.topics.join(', ') || 'no topic'}. Review before adding to a labelled set.`,
    });
  }
  return lines;
}
