import type { Migration } from './migration.js';

/**
 * Marks when an item was handed to routing. An item stored by a poll that crashed before routing
 * keeps routed_at NULL, and the routing sweep delivers it later: "no missed items" survives a
 * crash between the insert and the outbox enqueue. Existing items count as routed.
 */
export const routingMarkerMigration: Migration = {
  version: 4,
  name: 'routing marker',
  sqlite: `
ALTER TABLE items ADD COLUMN routed_at BIGINT;
UPDATE items SET routed_at = first_seen_at;
CREATE INDEX items_unrouted ON items (first_seen_at) WHERE routed_at IS NULL;
`,
  postgres: `
ALTER TABLE items ADD COLUMN routed_at BIGINT;
UPDATE items SET routed_at = first_seen_at;
CREATE INDEX items_unrouted ON items (first_seen_at) WHERE routed_at IS NULL;
`,
};
