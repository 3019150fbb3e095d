/** Weekly digests: schedule maths, building, the scheduler job, the outbox renderer, actions. */
export { buildDigest, type DigestDeps, type DigestOptions } from './build-digest.js';
export { createDigestActions, previewDigest, sendDigestNow } from './digest-actions.js';
export { digestDedupKey, readDigestPayload, type DigestPayload } from './digest-payload.js';
export { createDigestScheduler, type DigestScheduler, type DigestSchedulerDeps } from './digest-scheduler.js';
export { defaultDigestSchedule, dueDigests, nextDigestAt, previousDigestAt, type DueDigest } from './digest-schedule.js';
export { DEFAULT_DIGEST_LIMITS, type DigestLimits } from './rank-stories.js';
export { renderDigestRow } from './render-digest-row.js';
