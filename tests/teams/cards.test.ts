import { describe, expect, it } from 'vitest';
import type { ChatMessage, MessageItem } from '../../src/index.js';
import { escapeCardMarkdown, markdownLink, safeHttpUrl } from '../../adapters/teams/card-markdown.js';
import { renderCard } from '../../adapters/teams/render-card.js';
import { buildCardActivity } from '../../adapters/teams/send-activity.js';
import { cardProblems } from './validate-card.js';

const TEAMS_LIMIT = 28 * 1024;

function item(i: number, size = 80): MessageItem {
  return {
    title: `Headline ${i} ${'ü🔒'.repeat(size / 4)} *bold* [x](y)`,
    url: `https://example.org/news/${i}?q=(a)`,
    summary: `Summary ${i} ${'lorem ipsum '.repeat(size / 6)}`,
    source: `Source ${i}`,
    publishedAt: new Date('2026-03-01T10:00:00Z'),
    topics: ['ai', 'gdpr', 'breach'],
    note: '+2 sources',
  };
}

const SHAPES: Record<string, ChatMessage> = {
  plain: { text: 'Subscribed this channel to gdpr.' },
  list: { text: 'Latest AI', title: 'Latest: AI', items: [item(1), item(2)], footer: '1 source is failing' },
  search: { text: 'Search', title: 'Search: biometric', sections: [{ heading: 'Best matches', items: [item(3)], more: 'and 12 more' }] },
  help: {
    text: 'help',
    title: 'Privacy Radar commands',
    lines: ['latest [topic] [n]: newest items', 'subscribe <topic...>'],
    buttons: [{ label: 'Latest AI', command: 'latest ai' }, { label: 'Docs', url: 'https://example.org/docs' }, { label: 'Bad', url: 'javascript:alert(1)' }],
  },
  digest: {
    text: 'Weekly digest',
    title: 'Weekly digest: 12 items',
    kind: 'digest',
    sections: [{ heading: 'AI', items: [item(4), item(5)] }, { heading: 'GDPR', items: [item(6)], more: 'and 3 more' }],
    fields: [{ label: 'Period', value: '23 Feb to 2 Mar' }],
  },
  notice: { text: 'Paused', title: 'Deliveries paused', kind: 'notice', lines: ['The bot lost access.'] },
  error: { text: 'Unknown topic "gpdr". Did you mean gdpr?', kind: 'error' },
};

describe('Teams Adaptive Cards', () => {
  it('the validator itself rejects a broken card (so the checks below can fail)', () => {
    expect(cardProblems({ type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text: 'x', size: 'huge' }, { type: 'Bogus' }] }).length).toBeGreaterThan(0);
  });

  it.each(Object.entries(SHAPES))('%s renders a valid Adaptive Card 1.5 with a plain-text fallback', (_name, message) => {
    const { card, summary } = renderCard(message);
    expect(cardProblems(card as unknown as Record<string, unknown>)).toEqual([]);
    expect(card.fallbackText).toBe(message.text);
    expect(summary).toBe(message.text);
  });

  it('help buttons: commands become imBack, only http(s) URLs become links', () => {
    const { card } = renderCard(SHAPES.help!);
    expect(card.actions).toEqual([
      { type: 'Action.Submit', title: 'Latest AI', data: { msteams: { type: 'imBack', value: 'latest ai' } } },
      { type: 'Action.OpenUrl', title: 'Docs', url: 'https://example.org/docs' },
    ]);
  });

  it('escapes Markdown in feed strings and builds links only from http(s) URLs', () => {
    expect(escapeCardMarkdown('**URGENT** [click](https://evil.example) _x_ #1 > q `c` ~s~')).toBe(
      '\\*\\*URGENT\\*\\* \\[click\\]\\(https://evil.example\\) \\_x\\_ \\#1 \\> q \\`c\\` \\~s\\~',
    );
    expect(escapeCardMarkdown('- not a list')).toBe('\\- not a list');
    expect(escapeCardMarkdown('1. not a list')).toBe('1\\. not a list');
    expect(escapeCardMarkdown('line\nbreak')).toBe('line break');
    expect(safeHttpUrl('javascript:alert(1)')).toBeNull();
    expect(safeHttpUrl('data:text/html,x')).toBeNull();
    expect(safeHttpUrl('https://a.example/p(1) x')).toBe('https://a.example/p%281%29%20x');
    expect(markdownLink('T [1]', 'https://a.example/')).toBe('[T \\[1\\]](https://a.example/)');
    expect(markdownLink('T', 'ftp://a.example/')).toBe('T');
    const hostile: MessageItem = { ...item(1), title: '[Win a prize](https://evil.example) **now**', url: 'javascript:alert(1)', summary: '<at>everyone</at> # heading' };
    const json = JSON.stringify(renderCard({ text: 't', items: [hostile] }).card);
    expect(json).not.toContain('javascript:');
    expect(json).toContain('\\\\[Win a prize\\\\]\\\\(https://evil.example\\\\) \\\\*\\\\*now\\\\*\\\\*');
  });

  it('stays under 28 KB with the largest inputs and says how many were left out', () => {
    const huge = Array.from({ length: 5000 }, (_, i) => item(i, 4000));
    const message: ChatMessage = {
      text: 'x'.repeat(50_000),
      title: 'T'.repeat(5000),
      lines: Array.from({ length: 20 }, () => 'line '.repeat(400)),
      items: huge,
      sections: Array.from({ length: 30 }, (_, s) => ({ heading: `Section ${s}`, items: huge.slice(0, 200), more: 'and 5 more' })),
      fields: Array.from({ length: 40 }, (_, i) => ({ label: `L${i}`, value: 'v'.repeat(2000) })),
      buttons: Array.from({ length: 20 }, (_, i) => ({ label: `B${i}`, command: `latest ${i}` })),
      footer: 'f'.repeat(5000),
    };
    const started = Date.now();
    const activity = buildCardActivity(message);
    const bytes = Buffer.byteLength(JSON.stringify(activity), 'utf8');
    expect(bytes).toBeLessThan(TEAMS_LIMIT);
    const card = activity.attachments![0]!.content as Record<string, unknown>;
    expect(cardProblems(card)).toEqual([]);
    expect(JSON.stringify(card)).toMatch(/and \d+ more/);
    expect((card.body as Array<{ type: string }>).filter((e) => e.type === 'Container').length).toBeGreaterThan(0);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('keeps every item when they fit, trims only when needed', () => {
    const small = renderCard({ text: 't', items: [item(1), item(2), item(3)] }).card;
    expect(JSON.stringify(small)).not.toMatch(/and \d+ more/);
    const many = renderCard({ text: 't', items: Array.from({ length: 300 }, (_, i) => item(i, 400)) }).card;
    const kept = (many.body as Array<{ type: string }>).filter((e) => e.type === 'Container').length;
    expect(kept).toBeGreaterThan(5);
    expect(JSON.stringify(many)).toContain(`and ${300 - kept} more`);
  });
});
