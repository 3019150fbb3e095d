import type { Migration } from './migration.js';

// Columns of the outbox rows 005 writes for items an interrupted poll left unrouted: a top-level
// 'item' post (dedup key and payload exactly as routing wrote them when 005 shipped), due at once.
const OUTBOX_COLUMNS = 'dedup_key, platform, workspace_id, channel_id, kind, payload, story_id, status, attempts, next_attempt_at, created_at';
const OUTBOX_VALUES = `'item:' || s.platform || ':' || s.workspace_id || ':' || s.channel_id || ':' || i.id,
  s.platform, s.workspace_id, s.channel_id, 'item', '{"itemId":' || i.id || '}', i.story_id, 'pending', 0, i.first_seen_at, i.first_seen_at`;
const DROP_MARKER = `
DROP INDEX items_unrouted;
ALTER TABLE items DROP COLUMN routed_at;
CREATE INDEX outbox_story_id ON outbox (story_id) WHERE story_id IS NOT NULL;
`;

/**
 * A poll now commits its items, stories, outbox rows and feed state in one transaction, so an
 * item can no longer be stored without being routed and the routing marker of 004 goes. Items
 * that an older version stored but never routed (a crash between the two steps) are not lost:
 * each one of a feed past its first poll that has no outbox row yet is enqueued here for every
 * active subscription sharing one of its topics, as a top-level post. An unrouted item of a feed
 * still in its first poll is that feed's backlog, recorded without posting, and stays so.
 * outbox_story_id lets routing read the rows of a batch's stories in one indexed query.
 */
export const onePollTransactionMigration: Migration = {
  version: 5,
  name: 'one poll, one transaction',
  sqlite: `
INSERT INTO outbox (${OUTBOX_COLUMNS})
SELECT ${OUTBOX_VALUES}
FROM items i JOIN feeds f ON f.id = i.feed_id JOIN subscriptions s ON s.status = 'active'
WHERE i.routed_at IS NULL
  AND json_extract(f.state, '$.initialized') = 1
  AND EXISTS (SELECT 1 FROM json_each(s.topics) st JOIN json_each(i.topics) it ON st.value = it.value)
  AND NOT EXISTS (SELECT 1 FROM outbox o WHERE o.kind IN ('item', 'story_update') AND json_extract(o.payload, '$.itemId') = i.id)
ON CONFLICT (dedup_key) DO NOTHING;
${DROP_MARKER}`,
  postgres: `
INSERT INTO outbox (${OUTBOX_COLUMNS})
SELECT ${OUTBOX_VALUES}
FROM items i JOIN feeds f ON f.id = i.feed_id JOIN subscriptions s ON s.status = 'active'
WHERE i.routed_at IS NULL
  AND (f.state::jsonb ->> 'initialized') = 'true'
  AND s.topics::jsonb ?| ARRAY(SELECT jsonb_array_elements_text(i.topics::jsonb))
  AND NOT EXISTS (SELECT 1 FROM outbox o WHERE o.kind IN ('item', 'story_update') AND o.payload::jsonb ->> 'itemId' = i.id::text)
ON CONFLICT (dedup_key) DO NOTHING;
${DROP_MARKER}`,
};
