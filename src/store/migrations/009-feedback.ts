import type { Migration } from './migration.js';

// One row per (item, topic, channel) someone marked "Not relevant": no user id, no message text.
// A repeat click finds its row and changes nothing. Independent of every other migration's tables.
const feedbackTable = `
CREATE TABLE IF NOT EXISTS feedback (
  item_id BIGINT NOT NULL,
  topic TEXT NOT NULL,
  platform TEXT NOT NULL,
  workspace_id TEXT NOT NULL,
  channel_id TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  PRIMARY KEY (item_id, topic, platform, workspace_id, channel_id)
);
CREATE INDEX IF NOT EXISTS feedback_topic ON feedback (topic);
CREATE INDEX IF NOT EXISTS feedback_workspace ON feedback (platform, workspace_id);
`;

/** "Not relevant" feedback on delivered items. */
export const feedbackMigration: Migration = {
  version: 9,
  name: 'not relevant feedback',
  sqlite: feedbackTable,
  postgres: feedbackTable,
};
