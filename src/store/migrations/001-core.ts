import type { Migration } from './migration.js';

// Times are epoch milliseconds (BIGINT), booleans 0/1, JSON as TEXT: the same SQL serves both
// dialects. AUTOINCREMENT on SQLite so a pruned item's id is never reused by a new item.
const tables = (serial: string): string => `
CREATE TABLE feeds (
  id TEXT PRIMARY KEY,
  url TEXT NOT NULL,
  name TEXT,
  topics TEXT NOT NULL DEFAULT '[]',
  interval_minutes INTEGER,
  enabled INTEGER NOT NULL DEFAULT 1,
  in_config INTEGER NOT NULL DEFAULT 1,
  next_check_at BIGINT,
  state TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE INDEX feeds_due ON feeds (next_check_at);

CREATE TABLE items (
  id ${serial},
  feed_id TEXT NOT NULL,
  item_key TEXT NOT NULL,
  url TEXT,
  title TEXT NOT NULL,
  summary TEXT NOT NULL,
  published_at BIGINT,
  first_seen_at BIGINT NOT NULL,
  last_seen_at BIGINT NOT NULL,
  topics TEXT NOT NULL,
  why TEXT NOT NULL,
  story_id BIGINT,
  UNIQUE (feed_id, item_key)
);
CREATE INDEX items_latest ON items (first_seen_at, id);
CREATE INDEX items_url ON items (url);
CREATE INDEX items_story ON items (story_id);
CREATE INDEX items_last_seen ON items (last_seen_at);

CREATE TABLE item_topics (
  item_id BIGINT NOT NULL REFERENCES items (id) ON DELETE CASCADE,
  topic TEXT NOT NULL,
  first_seen_at BIGINT NOT NULL,
  PRIMARY KEY (topic, item_id)
);
CREATE INDEX item_topics_latest ON item_topics (topic, first_seen_at, item_id);
CREATE INDEX item_topics_item ON item_topics (item_id);

CREATE TABLE subscriptions (
  platform TEXT NOT NULL,
  workspace_id TEXT NOT NULL,
  channel_id TEXT NOT NULL,
  topics TEXT NOT NULL,
  digest_enabled INTEGER NOT NULL,
  digest_weekday INTEGER NOT NULL,
  digest_time TEXT NOT NULL,
  digest_time_zone TEXT NOT NULL,
  status TEXT NOT NULL,
  paused_reason TEXT,
  last_digest_at BIGINT,
  is_admin INTEGER NOT NULL DEFAULT 0,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  PRIMARY KEY (platform, workspace_id, channel_id)
);

CREATE TABLE installations (
  platform TEXT NOT NULL,
  install_key TEXT NOT NULL,
  workspace_id TEXT NOT NULL,
  payload TEXT NOT NULL,
  encrypted INTEGER NOT NULL,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  PRIMARY KEY (platform, install_key)
);
CREATE INDEX installations_workspace ON installations (platform, workspace_id);

CREATE TABLE outbox (
  id ${serial},
  dedup_key TEXT NOT NULL UNIQUE,
  platform TEXT NOT NULL,
  workspace_id TEXT NOT NULL,
  channel_id TEXT NOT NULL,
  kind TEXT NOT NULL,
  payload TEXT NOT NULL,
  story_id BIGINT,
  status TEXT NOT NULL,
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at BIGINT NOT NULL,
  last_error TEXT,
  claimed_by TEXT,
  claim_expires_at BIGINT,
  created_at BIGINT NOT NULL,
  sent_at BIGINT,
  finished_at BIGINT,
  message_ref TEXT
);
-- A claim sets next_attempt_at to the claim's expiry, so "due" is one ordered scan of this
-- partial index, which holds only unfinished rows (sent and dead rows drop out of it).
CREATE INDEX outbox_due ON outbox (next_attempt_at, id) WHERE status IN ('pending', 'failed', 'sending');
CREATE INDEX outbox_destination ON outbox (platform, workspace_id, channel_id, status, sent_at);
CREATE INDEX outbox_story ON outbox (platform, workspace_id, channel_id, story_id);

CREATE TABLE leases (
  name TEXT PRIMARY KEY,
  holder TEXT NOT NULL,
  expires_at BIGINT NOT NULL
);
`;

/** Feeds, items with topics, subscriptions, installations, outbox and leases. */
export const coreMigration: Migration = {
  version: 1,
  name: 'core tables',
  sqlite: tables('INTEGER PRIMARY KEY AUTOINCREMENT'),
  postgres: tables('BIGSERIAL PRIMARY KEY'),
};
