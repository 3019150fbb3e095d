import { describe, expect, it } from 'vitest';
import { renderHomeView } from '../../adapters/slack/render-home.js';
import type { Subscription } from '../../src/index.js';

function sub(channelId: string, topics: string[], status: 'active' | 'paused' = 'active', pausedReason: string | null = null): Subscription {
  return {
    destination: { platform: 'slack', workspaceId: 'T1', channelId },
    topics,
    digest: { enabled: false, weekday: 1, time: '09:00', timeZone: 'UTC' },
    status,
    pausedReason,
    lastDigestAt: null,
    createdAt: new Date('2026-01-01T00:00:00Z'),
    isAdmin: false,
    regionFilter: { regions: [], strict: false },
  };
}

describe('App Home view', () => {
  it('says what to do when no channel subscribed yet', () => {
    expect(JSON.stringify(renderHomeView({ subscriptions: [], stories: [], topics: null }))).toContain('No channel has subscribed yet');
  });

  it('lists many channels within 100 blocks and 3000 characters a section, counting the rest', () => {
    const subs = Array.from({ length: 500 }, (_, i) => sub(`C${String(i).padStart(8, '0')}`, ['ai', 'gdpr', 'breach', 'lawsuit']));
    const topics = { text: 'topics', title: '17 topics', fields: Array.from({ length: 17 }, (_, i) => ({ label: `t${i}`, value: 'x'.repeat(100) })), buttons: [{ label: 'More', command: 'latest' }] };
    const view = renderHomeView({ subscriptions: subs, stories: [], topics });
    expect(view.blocks.length).toBeLessThanOrEqual(100);
    const json = JSON.stringify(view);
    expect(json).toContain('460 more channels');
    expect(json).not.toContain('privacy_command'); // no response_url in App Home
    for (const block of view.blocks) {
      const text = (block as { text?: { text?: string } }).text?.text ?? '';
      expect(text.length).toBeLessThanOrEqual(3000);
    }
  });

  it('escapes a paused reason and never links a malformed channel id', () => {
    const json = JSON.stringify(renderHomeView({ subscriptions: [sub('<!channel>', ['ai'], 'paused', '<@U1> removed')], stories: [], topics: null }));
    expect(json).not.toMatch(/<!channel>|<@U1>/);
    expect(json).toContain('&lt;@U1&gt; removed');
  });
});
