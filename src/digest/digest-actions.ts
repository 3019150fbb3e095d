import { randomUUID } from 'node:crypto';
import type { ChatMessage } from '../chat/message.js';
import type { Destination } from '../core/types.js';
import { buildDigest, type DigestDeps } from './build-digest.js';
import { digestNowDedupKey, type DigestPayload } from './digest-payload.js';
import { nextDigestAt } from './digest-schedule.js';

const DAY_MS = 24 * 3600_000;

function say(text: string): ChatMessage {
  return { kind: 'reply', visibility: 'private', text, lines: [text] };
}

function formatWhen(at: Date, timeZone: string): string {
  const text = new Intl.DateTimeFormat('en-GB', { timeZone, weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(at);
  return `${text} (${timeZone})`;
}

/**
 * `digest preview`: the digest the channel would get now (same sections as the real one), shown
 * only to the person asking, with when the next one is due.
 */
export async function previewDigest(deps: DigestDeps, destination: Destination): Promise<ChatMessage> {
  const subscription = await deps.store.subscriptions.get(destination);
  const message = await buildDigest(deps, destination);
  if (!subscription || message.kind !== 'digest') return { ...message, visibility: 'private' };
  const next = subscription.digest.enabled ? nextDigestAt(subscription.digest, deps.clock.now()) : null;
  const when = next ? `Preview: the next digest is due ${formatWhen(next, subscription.digest.timeZone)}.` : 'Preview: weekly digests are off for this channel (`digest on`).';
  return { ...message, visibility: 'private', lines: [when, ...(message.lines ?? [])] };
}

/**
 * `digest now`: when the period has stories, posts the digest to the channel through the outbox (a unique key: a deliberate
 * extra digest) and starts the next period from now. Returns the confirmation for the asker.
 * `days` (CLI `--days`) covers that many days instead of the time since the previous digest.
 */
export async function sendDigestNow(deps: DigestDeps, destination: Destination, options: { days?: number } = {}): Promise<ChatMessage> {
  const subscription = await deps.store.subscriptions.get(destination);
  if (!subscription) return say('This channel has no subscriptions, so it has no digest. Example: `subscribe ai gdpr`');
  const now = deps.clock.now();
  const since =
    options.days !== undefined ? new Date(now.getTime() - options.days * DAY_MS) : (subscription.lastDigestAt ?? new Date(now.getTime() - 7 * DAY_MS));
  // Nothing new: tell the person who asked and post nothing to the channel.
  const digest = await buildDigest(deps, destination, { since, until: now });
  if (digest.kind === 'digest' && !digest.sections?.length) {
    return say(`Nothing new for this channel since ${formatWhen(since, subscription.digest.timeZone)}, so no digest was posted.`);
  }
  const payload: DigestPayload = { since: since.toISOString(), until: now.toISOString() };
  await deps.store.outbox.enqueue([{ dedupKey: digestNowDedupKey(destination, now, randomUUID()), destination, kind: 'digest', payload, storyId: null }], now);
  await deps.store.subscriptions.markDigestSent(destination, now);
  return say('The digest is on its way to this channel.');
}

/** The two digest actions the command core calls (`CommandDeps.digest`). */
export function createDigestActions(deps: DigestDeps): {
  preview(destination: Destination): Promise<ChatMessage>;
  sendNow(destination: Destination): Promise<ChatMessage>;
} {
  return { preview: (destination) => previewDigest(deps, destination), sendNow: (destination) => sendDigestNow(deps, destination) };
}
