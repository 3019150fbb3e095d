import type { StoredItem } from '../../core/types.js';
import type { SqlExecutor, SqlValue } from '../sql/executor.js';
import { chunk, placeholders } from '../sql/placeholders.js';
import { ITEM_COLUMNS, ITEM_FROM, toStoredItem, type ItemRow } from './item-rows.js';
import { clampLimit } from './limits.js';

/** Where a page of stories ends: the last item scanned (first seen time, item id). */
export interface StoryCursor {
  at: number;
  id: number;
}

/** A story as a list shows it: its items oldest first (the first is the lead). */
export interface StoryEntry {
  /** The story id, or the item id of an item that has no story yet (both open /stories/<id>). */
  id: number;
  items: StoredItem[];
  /** First-seen time of the newest item that placed the story on this page. */
  latestAt: Date;
}

export interface StoryPageQuery {
  topic?: string;
  before?: StoryCursor;
  limit: number;
}

export interface StoryPage {
  stories: StoryEntry[];
  /** Cursor for the next page, or null when nothing older is left. */
  next: StoryCursor | null;
}

/** Items per topic per week, for the topics page's charts. */
export interface WeeklyCount {
  topic: string;
  /** 0 is the week starting at `from`. */
  week: number;
  count: number;
}

/** Read-only queries for the web pages (stories list, weekly counts, per-feed counts). */
export interface WebReadRepository {
  /** Newest stories first, each placed by its newest (topic-matching) item; one entry per story. */
  storyPage(query: StoryPageQuery): Promise<StoryPage>;
  /** Items first seen in [from, from + weeks), counted per topic and week. */
  weeklyTopicCounts(from: Date, weeks: number): Promise<WeeklyCount[]>;
  /** Items first seen since `since`, counted per feed id. */
  feedItemCounts(since: Date): Promise<Record<string, number>>;
}

const WEEK_MS = 7 * 24 * 3_600_000;
/** Batches scanned per page: a page of big stories never turns into an unbounded walk. */
const MAX_BATCHES = 4;

/** The web pages' read queries, shared by both dialects (row-value comparisons work in both). */
export function createWebReadRepository(db: SqlExecutor): WebReadRepository {
  async function scan(topic: string | undefined, before: StoryCursor | undefined, limit: number): Promise<StoredItem[]> {
    const cursor = before ? [before.at, before.id] : [Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER];
    const rows = topic
      ? await db.all<ItemRow>(
          `SELECT ${ITEM_COLUMNS} FROM item_topics t JOIN items i ON i.id = t.item_id LEFT JOIN feeds f ON f.id = i.feed_id
            WHERE t.topic = ? AND (t.first_seen_at, t.item_id) < (?, ?) ORDER BY t.first_seen_at DESC, t.item_id DESC LIMIT ?`,
          [topic, ...cursor, limit],
        )
      : await db.all<ItemRow>(
          `SELECT ${ITEM_COLUMNS} FROM ${ITEM_FROM} WHERE (i.first_seen_at, i.id) < (?, ?) ORDER BY i.first_seen_at DESC, i.id DESC LIMIT ?`,
          [...cursor, limit],
        );
    return rows.map(toStoredItem);
  }

  async function members(storyIds: number[]): Promise<Map<number, StoredItem[]>> {
    const byStory = new Map<number, StoredItem[]>();
    for (const ids of chunk(storyIds)) {
      const rows = await db.all<ItemRow>(`SELECT ${ITEM_COLUMNS} FROM ${ITEM_FROM} WHERE i.story_id IN (${placeholders(ids.length)}) ORDER BY i.first_seen_at, i.id`, ids);
      for (const item of rows.map(toStoredItem)) byStory.set(item.storyId!, [...(byStory.get(item.storyId!) ?? []), item]);
    }
    return byStory;
  }

  return {
    storyPage: async ({ topic, before, limit: rawLimit }) => {
      const limit = Math.min(clampLimit(rawLimit), 100);
      const matches = (item: StoredItem) => !topic || item.topics.includes(topic);
      const isAfter = (item: StoredItem, cursor: StoryCursor) =>
        item.firstSeenAt.getTime() > cursor.at || (item.firstSeenAt.getTime() === cursor.at && item.id > cursor.id);
      const stories: StoryEntry[] = [];
      const seen = new Set<number>();
      let cursor = before;
      for (let batch = 0; batch < MAX_BATCHES && stories.length < limit; batch++) {
        const scanned = await scan(topic, cursor, limit * 3);
        const storyIds = [...new Set(scanned.flatMap((item) => (item.storyId === null ? [] : [item.storyId])))].filter((id) => !seen.has(id));
        const groups = await members(storyIds);
        for (const item of scanned) {
          const id = item.storyId ?? item.id;
          cursor = { at: item.firstSeenAt.getTime(), id: item.id };
          if (seen.has(id)) continue;
          seen.add(id);
          const items = item.storyId === null ? [item] : (groups.get(item.storyId) ?? [item]);
          // A story whose newer matching item lies above the starting cursor was on an earlier page.
          if (before && items.some((member) => matches(member) && isAfter(member, before))) continue;
          stories.push({ id, items, latestAt: item.firstSeenAt });
          if (stories.length === limit) break;
        }
        if (scanned.length < limit * 3 && stories.length < limit) return { stories, next: null };
      }
      return { stories, next: stories.length === 0 ? null : (cursor ?? null) };
    },
    weeklyTopicCounts: async (from, weeks) => {
      const start = from.getTime();
      const end = start + weeks * WEEK_MS;
      const params: SqlValue[] = [start, start, end];
      // Integer division in both engines: SQLite binds JS numbers as REAL, hence the cast.
      const rows = await db.all<{ topic: string; week: number | string; n: number | string }>(
        `SELECT topic, CAST(first_seen_at - ? AS BIGINT) / ${WEEK_MS} AS week, COUNT(*) AS n FROM item_topics
          WHERE first_seen_at >= ? AND first_seen_at < ? GROUP BY 1, 2`,
        params,
      );
      return rows.map((row) => ({ topic: row.topic, week: Math.floor(Number(row.week)), count: Number(row.n) }));
    },
    feedItemCounts: async (since) => {
      const rows = await db.all<{ feed_id: string; n: number | string }>('SELECT feed_id, COUNT(*) AS n FROM items WHERE first_seen_at >= ? GROUP BY feed_id', [since.getTime()]);
      return Object.fromEntries(rows.map((row) => [row.feed_id, Number(row.n)]));
    },
  };
}
