import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { MIGRATIONS } from '../../src/store/migrations/index.js';
import { LATEST_BY_TOPIC_SQL, TOUCH_LISTED_SQL } from '../../src/store/repos/items.js';
import { SELECT_DUE_SQL } from '../../src/store/repos/outbox-claim.js';

function plan(sql: string, params: unknown[]): string {
  const db = new Database(':memory:');
  try {
    for (const migration of MIGRATIONS) db.exec(migration.sqlite);
    return (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((row) => row.detail).join('\n');
  } finally {
    db.close();
  }
}

// Fast answers at 100k items depend on these plans: an index walk in order, never a sort.
describe('SQLite query plans', () => {
  it('latest <topic> walks the topic index without sorting', () => {
    const detail = plan(LATEST_BY_TOPIC_SQL, ['ai', 0, 5]);
    expect(detail).toContain('item_topics_latest');
    expect(detail).not.toContain('TEMP B-TREE');
  });

  it('claiming walks the partial due index without sorting', () => {
    const detail = plan(SELECT_DUE_SQL, [Date.now(), 10]);
    expect(detail).toContain('outbox_due');
    expect(detail).not.toContain('TEMP B-TREE');
  });

  it("a 304's touch of listed items reads only that feed's rows", () => {
    // The last_seen_at index would match every item stored at the same instant, all feeds'.
    const detail = plan(TOUCH_LISTED_SQL, [2, 'f1', 1, 'f1']);
    expect(detail).not.toContain('items_last_seen');
    expect(detail.match(/sqlite_autoindex_items_1 \(feed_id=\?\)/g)).toHaveLength(2);
  });

  it('routing reads a batch\'s story rows through outbox_story_id, not a channel\'s whole history', () => {
    const detail = plan('SELECT * FROM outbox WHERE story_id IN (?, ?) ORDER BY id', [1, 2]);
    expect(detail).toContain('outbox_story_id');
    expect(detail).not.toMatch(/SCAN outbox(?! USING)/);
  });

  it('knownKeys and byStories are index lookups', () => {
    expect(plan('SELECT item_key FROM items WHERE feed_id = ? AND item_key IN (?, ?)', ['f', 'a', 'b'])).toMatch(/USING (COVERING )?INDEX sqlite_autoindex_items/);
    expect(plan('SELECT id FROM items i WHERE i.story_id IN (?, ?) ORDER BY i.id', [1, 2])).toContain('items_story');
  });
});
