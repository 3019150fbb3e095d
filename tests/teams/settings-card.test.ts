/**
 * The Teams settings card and item post actions: valid for Microsoft's Adaptive Card parser and
 * under 28 KB, for the built-in topics and for a large custom taxonomy; invoke data read back
 * into bounded raw input for the core.
 */
import { describe, expect, it } from 'vitest';
import { renderCard } from '../../adapters/teams/render-card.js';
import { readSettingsData, renderSettingsCard } from '../../adapters/teams/settings-card.js';
import type { SettingsForm } from '../../src/index.js';
import { defaultTopics } from '../../src/tagging/taxonomy.js';
import { cardProblems } from './validate-card.js';

const digest = { enabled: false, weekday: 6, time: '07:05', timeZone: 'Pacific/Chatham' };
const forms: Array<[string, SettingsForm]> = [
  ['built-in topics, nothing saved yet', { topics: defaultTopics().map(({ id, label }) => ({ id, label })), selected: [], digest, subscribed: false, watches: [], mutes: [], quiet: '' }],
  ['100 long custom topics with errors', {
    topics: Array.from({ length: 100 }, (_, i) => ({ id: `topic-${i}`, label: `Topic ${i} & <b>not bold</b> ${'y'.repeat(80)}` })),
    selected: ['topic-1', 'topic-2'], digest, subscribed: true,
    watches: Array.from({ length: 20 }, (_, i) => `watch ${i} ${'w'.repeat(180)}`), mutes: Array.from({ length: 20 }, (_, i) => `source feed-${i}`), quiet: '22:00-07:00 weekends Europe/Berlin', errors: { topics: 'e'.repeat(300), digestTime: 'bad', digestZone: 'bad', digestDay: 'bad' },
  }],
];

describe('Teams settings card', () => {
  it.each(forms)('%s: parser-valid and under 28 KB', (_, form) => {
    const { card } = renderSettingsCard({ text: 'Channel settings', title: 'Channel settings', form });
    expect(cardProblems(card as unknown as Record<string, unknown>)).toEqual([]);
    expect(Buffer.byteLength(JSON.stringify(card))).toBeLessThan(28_000);
  });

  it('an item post card carries the post actions (Action.Submit with the id only) and stays valid', () => {
    const { card } = renderCard({ kind: 'item', visibility: 'public', text: 'x', items: [{ id: 37, title: 'T', url: 'https://x.example/', summary: 's', source: 'BBC', publishedAt: null, topics: ['ai'] }] });
    expect(cardProblems(card as unknown as Record<string, unknown>)).toEqual([]);
    expect(card.actions).toEqual([
      { type: 'Action.Submit', title: 'Why this?', data: { privacyAction: 'why', itemId: 37 } },
      { type: 'Action.Submit', title: 'More on this story', data: { privacyAction: 'more-on-story', itemId: 37 } },
      { type: 'Action.Submit', title: 'Mute this source here', data: { privacyAction: 'mute-source', itemId: 37 } },
      { type: 'Action.Submit', title: 'Not relevant', data: { privacyAction: 'not-relevant', itemId: 37 } },
    ]);
    const list = renderCard({ kind: 'reply', text: 'x', title: 'Latest', items: [{ id: 1, title: 'T', url: null, summary: '', source: 'S', publishedAt: null, topics: [] }] });
    expect(list.card.actions).toBeUndefined();
  });

  it('reads invoke data into bounded raw input', () => {
    expect(readSettingsData({ topics: 'ai, gdpr,,', digestEnabled: 'true', digestDay: 'monday', digestTime: '09:00', digestZone: 'UTC' })).toEqual({
      topics: ['ai', 'gdpr'], digestEnabled: true, digestDay: 'monday', digestTime: '09:00', digestZone: 'UTC', watches: '', mutes: '', quiet: '',
    });
    const hostile = readSettingsData({ topics: 'a,'.repeat(100_000), digestZone: 'z'.repeat(10_000), digestEnabled: true });
    expect(hostile.topics.length).toBeLessThanOrEqual(200);
    expect(hostile.digestZone.length).toBeLessThanOrEqual(200);
    expect(hostile.digestEnabled).toBe(false);
    expect(readSettingsData('nope')).toEqual({ topics: [], digestEnabled: false, digestDay: '', digestTime: '', digestZone: '', watches: '', mutes: '', quiet: '' });
  });
});
