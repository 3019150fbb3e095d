/**
 * Every modal, Home view and item post the Slack adapter builds for this feature stays within
 * Block Kit's limits, for the built-in topics and for a large custom taxonomy with long labels.
 */
import { describe, expect, it } from 'vitest';
import { renderBlocks } from '../../adapters/slack/render-blocks.js';
import { renderHomeView } from '../../adapters/slack/render-home.js';
import { readSettingsInput, renderNoticeModal, renderSettingsModal } from '../../adapters/slack/settings-modal.js';
import type { MessageItem, SettingsForm, Subscription } from '../../src/index.js';
import { defaultTopics } from '../../src/tagging/taxonomy.js';
import { blockKitProblems } from './block-kit-limits.js';

const digest = { enabled: true, weekday: 0, time: '23:59', timeZone: 'America/Argentina/ComodRivadavia' };
const builtIn: SettingsForm = { topics: defaultTopics().map(({ id, label }) => ({ id, label })), selected: ['ai', 'gdpr'], digest, subscribed: true, watches: ['clearview'], mutes: ['source bbc'], quiet: '22:00-07:00 UTC' };
const huge: SettingsForm = {
  topics: Array.from({ length: 150 }, (_, i) => ({ id: `topic-${i}-${'x'.repeat(60)}`, label: `A very long topic label number ${i} & <more> ${'y'.repeat(80)}` })),
  selected: Array.from({ length: 150 }, (_, i) => `topic-${i}-${'x'.repeat(60)}`),
  digest,
  subscribed: true,
  watches: Array.from({ length: 20 }, (_, i) => `watch ${i} ${'w'.repeat(180)}`),
  mutes: Array.from({ length: 20 }, (_, i) => `mute ${i} ${'m'.repeat(180)}`),
  quiet: 'q'.repeat(500),
  errors: { topics: 'e'.repeat(500), digestZone: 'bad zone', watches: 'x'.repeat(3000) },
  notice: 'n'.repeat(5000),
};

function item(i: number): MessageItem {
  return { id: 10_000 + i, title: `Headline ${i} ${'t'.repeat(400)}`, url: `https://news.example/${i}`, summary: 's'.repeat(5000), source: 'BBC', publishedAt: new Date('2026-01-05T00:00:00Z'), topics: ['ai'] };
}

describe('Slack views within Block Kit limits', () => {
  it.each([['built-in topics', builtIn], ['150 long custom topics', huge]])('settings modal with %s', (_, form) => {
    const modal = renderSettingsModal(form, 'C0123456789');
    expect(blockKitProblems(modal)).toEqual([]);
    expect(JSON.stringify(modal)).not.toContain('<more>');
  });

  it('the notice modal', () => {
    expect(blockKitProblems(renderNoticeModal('Channel settings with a long title', 'x'.repeat(10_000)))).toEqual([]);
  });

  it('App Home with 500 channels and five long stories', () => {
    const subscriptions: Subscription[] = Array.from({ length: 500 }, (_, i) => ({
      destination: { platform: 'slack', workspaceId: 'T1', channelId: `C${String(i).padStart(9, '0')}` }, topics: ['ai', 'gdpr', 'breach'], digest,
      status: i % 2 ? 'paused' : 'active', pausedReason: 'r'.repeat(3000), lastDigestAt: null, createdAt: new Date(), isAdmin: false,
    }));
    const view = renderHomeView({ subscriptions, stories: Array.from({ length: 5 }, (_, i) => item(i)), topics: { text: 'topics', title: 'Topics', fields: [{ label: 'ai', value: 'AI' }] } });
    expect(blockKitProblems(view)).toEqual([]);
  });

  it('a delivered item post carries the four post actions with the item id as the only value', () => {
    const { blocks } = renderBlocks({ kind: 'item', visibility: 'public', text: 'x', items: [item(1)] });
    expect(blockKitProblems({ blocks })).toEqual([]);
    const actions = blocks.find((block) => block.block_id === 'item_actions_10001') as { elements: Array<{ action_id: string; value: string; text: { text: string } }> };
    expect(actions.elements.map((e) => [e.action_id, e.value, e.text.text])).toEqual([
      ['item_why', '10001', 'Why this?'], ['item_more-on-story', '10001', 'More on this story'],
      ['item_mute-source', '10001', 'Mute this source here'], ['item_not-relevant', '10001', 'Not relevant'],
    ]);
    // Lists (latest, digests) get no per-item actions.
    const list = renderBlocks({ kind: 'reply', text: 'x', title: 'Latest', items: [item(1), item(2)] });
    expect(JSON.stringify(list.blocks)).not.toContain('item_why');
  });

  it('reads a submitted view, tolerating missing or malformed state', () => {
    expect(readSettingsInput(undefined)).toEqual({ topics: [], digestEnabled: false, digestDay: '', digestTime: '', digestZone: '', watches: '', mutes: '', quiet: '' });
    expect(readSettingsInput({ topics: { value: { selected_options: 'nope' } }, digestTime: { value: { selected_time: 7 } } })).toEqual({
      topics: [], digestEnabled: false, digestDay: '', digestTime: '', digestZone: '', watches: '', mutes: '', quiet: '',
    });
  });
});
