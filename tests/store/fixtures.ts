import type { Destination, DigestSchedule, TaggedItem } from '../../src/core/types.js';

/** A tagged item with sensible defaults for store tests. */
export function makeItem(key: string, overrides: Partial<TaggedItem> = {}): TaggedItem {
  return {
    key,
    url: `https://news.example/${key}`,
    title: `Headline ${key}`,
    description: '',
    content: '',
    publishedAt: new Date('2026-01-05T08:00:00Z'),
    summary: `Summary of ${key}`,
    topics: ['ai'],
    why: { ai: ['artificial intelligence'] },
    ...overrides,
  };
}

/** A Slack channel destination. */
export function slack(channelId: string, workspaceId = 'T1'): Destination {
  return { platform: 'slack', workspaceId, channelId };
}

/** The default weekly digest schedule used by tests. */
export const WEEKLY: DigestSchedule = { enabled: true, weekday: 1, time: '09:00', timeZone: 'Europe/Berlin' };

/** Fixed instants. */
export const T0 = new Date('2026-01-05T09:00:00Z');
export const minutes = (n: number): number => n * 60_000;
export const at = (offsetMs: number): Date => new Date(T0.getTime() + offsetMs);
