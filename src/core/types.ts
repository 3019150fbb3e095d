/**
 * Domain types shared by every stage of the pipeline. Platform-neutral: nothing here knows
 * Slack or Teams.
 */
import type { RegionFilter } from './regions.js';

/** A feed as configured in feeds.json (validated by src/config/feeds-config.ts). */
export interface FeedConfig {
  id: string;
  url: string;
  name?: string;
  /** Default topics given to every item from this source. */
  topics?: string[];
  /** Minimum minutes between checks. */
  interval?: number;
  enabled?: boolean;
}

/** Feed health as shown by `feeds list`. */
export type FeedHealth = 'ok' | 'failing' | 'disabled' | 'new';

/** Stable error vocabulary for fetching and parsing (docs/ingestion.md R9). */
export type FetchErrorKind =
  | 'dns'
  | 'connect'
  | 'tls'
  | 'timeout'
  | 'http_4xx'
  | 'http_5xx'
  | 'challenge'
  | 'empty'
  | 'not_a_feed'
  | 'parse_error'
  | 'too_large'
  | 'redirect_loop'
  | 'blocked_address'
  | 'internal';

export interface FeedError {
  kind: FetchErrorKind;
  message: string;
}

/** Everything the poller remembers about a feed between polls (survives restarts). */
export interface FeedState {
  etag: string | null;
  lastModified: string | null;
  bodyHash: string | null;
  /** The URL actually polled (may differ from config after permanent redirects). */
  fetchUrl: string | null;
  nextCheckAt: Date | null;
  lastCheckAt: Date | null;
  lastSuccessAt: Date | null;
  health: FeedHealth;
  lastError: FeedError | null;
  lastErrorAt: Date | null;
  consecutiveFailures: number;
  /** True once the first successful poll recorded the backlog (R20). */
  initialized: boolean;
  /**
   * Set while a capped first poll's backlog is still being taken: items dated at or before
   * `before` (epoch ms; null: none dated) and undated items belong to it and are never posted.
   */
  backlog?: { before: number | null } | null;
  /** Set when the failing notice was sent, so admins get one notice per failing episode. */
  failingNoticeAt: Date | null;
  /** Permanent redirect target seen on consecutive polls, and how often (docs/ingestion.md R6). */
  permanentRedirect?: { url: string; count: number } | null;
}

export interface FeedRecord extends FeedConfig {
  state: FeedState;
  /** Set for a source added from chat: only this workspace sees its items. Absent: feeds.json. */
  owner?: WorkspaceRef;
}

/** An item as the parser and normaliser produce it (clean plain text, absolute URL). */
export interface NormalizedItem {
  /** Identity key, unique per feed: guid, canonical link or content hash (R19). */
  key: string;
  /** Absolute http(s) URL without tracking parameters, or null. */
  url: string | null;
  title: string;
  /** Plain text of the description/summary element. */
  description: string;
  /** Plain text of the full content element (may be empty). */
  content: string;
  /** Publisher's date, or null when absent/unparsable (R18). */
  publishedAt: Date | null;
  author?: string | null;
}

/** Topics with the phrases that led to each (the tagger's explanation). */
export type TopicWhy = Record<string, string[]>;

/** A normalised item after tagging and summarising: what the store receives. */
export interface TaggedItem extends NormalizedItem {
  summary: string;
  topics: string[];
  why: TopicWhy;
  /** Jurisdiction ids (us, eu, uk, apac, intl); absent or empty when the text names none. */
  jurisdictions?: string[];
  /** Per jurisdiction, the phrases that led to it. */
  jurisdictionWhy?: TopicWhy;
}

/** An item as stored. */
export interface StoredItem {
  id: number;
  feedId: string;
  key: string;
  url: string | null;
  title: string;
  summary: string;
  publishedAt: Date | null;
  firstSeenAt: Date;
  topics: string[];
  why: TopicWhy;
  /** Jurisdiction ids (us, eu, uk, apac, intl); empty when none was found or the item predates them. */
  jurisdictions: string[];
  /** Per jurisdiction, the phrases that led to it. */
  jurisdictionWhy: TopicWhy;
  storyId: number | null;
  /** Display name of the source (feed name or id). */
  source: string;
}

export type Platform = 'slack' | 'teams' | 'console';

/** Where a message goes: one channel/conversation in one workspace/tenant. */
export interface Destination {
  platform: Platform;
  /** Slack team id, Teams tenant id, or 'local' for the console. */
  workspaceId: string;
  /** Slack channel id, Teams conversation id, or 'console'. */
  channelId: string;
}

/** "slack:T123:C456": one string per channel, for maps and dedup keys. */
export function destinationKey(destination: Destination): string {
  return `${destination.platform}:${destination.workspaceId}:${destination.channelId}`;
}

/** "slack:T123": one string per workspace/tenant. */
export function workspaceKey(destination: Destination): string {
  return `${destination.platform}:${destination.workspaceId}`;
}

export interface DigestSchedule {
  enabled: boolean;
  /** 0 = Sunday ... 6 = Saturday. */
  weekday: number;
  /** "HH:MM", 24-hour. */
  time: string;
  /** IANA zone, e.g. Europe/Berlin. */
  timeZone: string;
}

export interface Subscription {
  destination: Destination;
  topics: string[];
  digest: DigestSchedule;
  status: 'active' | 'paused';
  pausedReason: string | null;
  lastDigestAt: Date | null;
  createdAt: Date;
  /** Channels marked as admin channels receive feed-health notices. */
  isAdmin: boolean;
  /** Which regions' items the channel receives (`region` command); absent: every region, not strict. */
  regionFilter?: RegionFilter;
  /** Hours in which deliveries are held and then posted as one roll-up; null or absent: none. */
  quiet?: QuietHours | null;
}

/** A channel's quiet hours: `start`-`end` local time daily (and all weekend when `weekends`). */
export interface QuietHours {
  /** "HH:MM", 24-hour; when end < start the window crosses midnight. */
  start: string;
  end: string;
  /** Saturdays and Sundays are quiet all day too. */
  weekends: boolean;
  /** IANA zone. */
  timeZone: string;
}

/** A workspace/tenant on one platform: who owns a source added from chat. */
export interface WorkspaceRef {
  platform: Platform;
  workspaceId: string;
}

/** What a channel never wants posted: one source, or items matching a query. */
export type Mute = { kind: 'source'; feedId: string } | { kind: 'query'; query: string };
