import type { OutboxKind, OutboxRow, OutboxStatus } from '../store.js';
import { toDestination } from './destination.js';
import { parseJson, toDate } from './json.js';

/** An outbox table row. */
export interface OutboxTableRow {
  id: number;
  dedup_key: string;
  platform: string;
  workspace_id: string;
  channel_id: string;
  kind: string;
  payload: string;
  story_id: number | null;
  status: string;
  attempts: number;
  failures: number;
  next_attempt_at: number;
  last_error: string | null;
  claimed_by: string | null;
  claim_expires_at: number | null;
  created_at: number;
  sent_at: number | null;
  message_ref: string | null;
}

/** Maps a row to the domain type. */
export function toOutboxRow(row: OutboxTableRow): OutboxRow {
  return {
    id: Number(row.id),
    dedupKey: row.dedup_key,
    destination: toDestination(row),
    kind: row.kind as OutboxKind,
    payload: parseJson<unknown>(row.payload, null),
    storyId: row.story_id === null ? null : Number(row.story_id),
    status: row.status as OutboxStatus,
    attempts: Number(row.attempts),
    failures: Number(row.failures),
    nextAttemptAt: new Date(Number(row.next_attempt_at)),
    lastError: row.last_error,
    claimedBy: row.claimed_by,
    claimExpiresAt: toDate(row.claim_expires_at),
    createdAt: new Date(Number(row.created_at)),
    sentAt: toDate(row.sent_at),
    messageRef: row.message_ref,
  };
}
