import type { Migration } from './migration.js';

/**
 * Full-text search over title and summary. SQLite: an FTS5 external-content table kept in sync
 * by triggers (porter stemming, diacritics folded). PostgreSQL: a generated, weighted tsvector
 * with a GIN index. Both index the items already stored when the migration runs.
 */
export const searchMigration: Migration = {
  version: 2,
  name: 'full-text search',
  sqlite: `
CREATE VIRTUAL TABLE items_fts USING fts5(
  title, summary, content='items', content_rowid='id', tokenize='porter unicode61 remove_diacritics 2'
);
CREATE TRIGGER items_fts_insert AFTER INSERT ON items BEGIN
  INSERT INTO items_fts (rowid, title, summary) VALUES (new.id, new.title, new.summary);
END;
CREATE TRIGGER items_fts_delete AFTER DELETE ON items BEGIN
  INSERT INTO items_fts (items_fts, rowid, title, summary) VALUES ('delete', old.id, old.title, old.summary);
END;
CREATE TRIGGER items_fts_update AFTER UPDATE OF title, summary ON items BEGIN
  INSERT INTO items_fts (items_fts, rowid, title, summary) VALUES ('delete', old.id, old.title, old.summary);
  INSERT INTO items_fts (rowid, title, summary) VALUES (new.id, new.title, new.summary);
END;
INSERT INTO items_fts (items_fts) VALUES ('rebuild');
`,
  postgres: `
ALTER TABLE items ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
  setweight(to_tsvector('english', title), 'A') || setweight(to_tsvector('english', summary), 'B')
) STORED;
CREATE INDEX items_search ON items USING GIN (search_vector);
`,
};
