/**
 * A feed's health in plain words, the one wording both chat `feeds` and the CLI's `feeds list`
 * use: "DNS lookup failed, next try 20:05" rather than an error code.
 */
import type { FeedError, FeedRecord } from '../core/types.js';
import { formatHumanTime, formatHumanTimeNear } from '../text/human-time.js';

const PROBLEMS: Record<FeedError['kind'], string> = {
  dns: 'DNS lookup failed',
  connect: 'could not connect to the feed’s server',
  tls: 'secure connection failed (certificate or TLS problem)',
  timeout: 'the feed’s server did not answer in time',
  http_4xx: 'the server refused the request',
  http_5xx: 'the feed’s server had an error',
  challenge: 'a bot check blocked the request',
  empty: 'the server sent an empty response',
  not_a_feed: 'the address does not serve an RSS, Atom or JSON feed',
  parse_error: 'the feed could not be read (malformed)',
  too_large: 'the feed is larger than the size limit',
  redirect_loop: 'the address redirects in a loop',
  blocked_address: 'the address points into a private network, which is not polled',
  internal: 'an internal error while polling',
};

/** "the feed’s server had an error (HTTP 503)": the kind in words, with the HTTP status when there is one. */
export function describeFeedError(error: FeedError): string {
  const words = PROBLEMS[error.kind] ?? error.kind;
  const status = /\bHTTP \d{3}\b/.exec(error.message)?.[0];
  return status ? `${words} (${status})` : words;
}

/** What a feed's line says after its name: health in words, when it is tried next, its last success. */
export function describeFeedHealth(feed: FeedRecord, now: Date, timeZone = 'UTC'): string {
  const { state } = feed;
  const lastSuccess = state.lastSuccessAt ? `last success ${formatHumanTime(state.lastSuccessAt, timeZone)}` : 'no success yet';
  if (feed.enabled === false) return 'disabled';
  const next = state.nextCheckAt && state.nextCheckAt.getTime() > now.getTime() ? `next try ${formatHumanTimeNear(state.nextCheckAt, now, timeZone)}` : 'next try now';
  // A new feed's first failures are shown too: it is marked failing only after a few in a row.
  if (state.lastError && state.health !== 'ok') return `${describeFeedError(state.lastError)}, ${next}; ${lastSuccess}`;
  if (state.health === 'failing') return `failing, ${next}; ${lastSuccess}`;
  if (state.health === 'new') return 'not polled yet';
  return `ok, ${lastSuccess}`;
}
