import type { Migration } from './migration.js';

// The same SQL on both engines. Existing items get no jurisdictions (the columns' defaults): the
// tagger's jurisdictions were not kept before, and re-tagging old items is not a schema step.
// Existing channels get the default filter: every region, items with no region included.
const SQL = `
ALTER TABLE items ADD COLUMN jurisdictions TEXT NOT NULL DEFAULT '[]';
ALTER TABLE items ADD COLUMN jurisdiction_why TEXT NOT NULL DEFAULT '{}';
CREATE TABLE item_jurisdictions (
  item_id BIGINT NOT NULL REFERENCES items (id) ON DELETE CASCADE,
  jurisdiction TEXT NOT NULL,
  first_seen_at BIGINT NOT NULL,
  PRIMARY KEY (jurisdiction, item_id)
);
CREATE INDEX item_jurisdictions_latest ON item_jurisdictions (jurisdiction, first_seen_at, item_id);
CREATE INDEX item_jurisdictions_item ON item_jurisdictions (item_id);
ALTER TABLE subscriptions ADD COLUMN regions TEXT NOT NULL DEFAULT '[]';
ALTER TABLE subscriptions ADD COLUMN region_strict INTEGER NOT NULL DEFAULT 0;
`;

/**
 * Jurisdictions as a second axis: each item's jurisdiction ids with the phrases behind them (as
 * JSON on the row, like topics and why), an item_jurisdictions table walked by `latest us` and
 * `search --region` like item_topics, and a per-channel region filter on subscriptions.
 */
export const regionsMigration: Migration = {
  version: 7,
  name: 'item jurisdictions and channel region filter',
  sqlite: SQL,
  postgres: SQL,
};
