import type { Migration } from './migration.js';

// Watches and mutes are short texts a channel's managers typed (at most 200 characters, a few
// dozen per channel); quiet hours are one JSON value on the channel's subscription. A feed added
// from chat names the workspace that owns it; feeds.json feeds leave the owner NULL.
const statements = `
CREATE TABLE watches (
  platform TEXT NOT NULL,
  workspace_id TEXT NOT NULL,
  channel_id TEXT NOT NULL,
  query TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  PRIMARY KEY (platform, workspace_id, channel_id, query)
);
CREATE TABLE mutes (
  platform TEXT NOT NULL,
  workspace_id TEXT NOT NULL,
  channel_id TEXT NOT NULL,
  kind TEXT NOT NULL,
  value TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  PRIMARY KEY (platform, workspace_id, channel_id, kind, value)
);
ALTER TABLE subscriptions ADD COLUMN quiet TEXT;
ALTER TABLE feeds ADD COLUMN owner_platform TEXT;
ALTER TABLE feeds ADD COLUMN owner_workspace_id TEXT;
CREATE INDEX feeds_owner ON feeds (owner_platform, owner_workspace_id);
`;

/** Channel watches and mutes, quiet hours, and sources added from chat with their workspace. */
export const channelRulesMigration: Migration = {
  version: 8,
  name: 'watches, mutes, quiet hours, chat-added feeds',
  sqlite: statements,
  postgres: statements,
};
