import { describe, expect, it } from 'vitest';
import type { ChatMessage, MessageItem } from '../../src/index.js';
import { escapeCardMarkdown, markdownLink, safeHttpUrl } from '../../adapters/teams/card-markdown.js';
import { renderCard } from '../../adapters/teams/render-card.js';
import { buildCardActivity } from '../../adapters/teams/send-activity.js';
import { cardProblems } from './validate-card.js';
import { createCommandHandler } from '../../src/commands/create-command-handler.js';
import { createManualClock } from '../../src/core/clock.js';
import { createSilentLogger } from '../../src/core/logger.js';
import { createStore } from '../../src/store/create-store.js';
import { defaultTopics } from '../../src/tagging/index.js';

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

  it('neutralises Markdown in feed strings without a backslash and builds links only from http(s) URLs', () => {
    const ZW = '\u200B';
    expect(escapeCardMarkdown('**URGENT** [click](https://evil.example) _x_ #1 > q `c` snake_case (a)')).toBe(
      `\u2217\u2217URGENT\u2217\u2217 [click]${ZW}(https://evil.example) \uFF3Fx\uFF3F #1 > q \`c\` snake_case (a)`,
    );
    expect(escapeCardMarkdown('- not a list')).toBe(`${ZW}- not a list`);
    expect(escapeCardMarkdown('1. not a list')).toBe(`${ZW}1. not a list`);
    expect(escapeCardMarkdown('# not a heading')).toBe(`${ZW}# not a heading`);
    expect(escapeCardMarkdown('> not a quote')).toBe(`${ZW}> not a quote`);
    expect(escapeCardMarkdown('line\nbreak')).toBe('line break');
    expect(safeHttpUrl('javascript:alert(1)')).toBeNull();
    expect(safeHttpUrl('data:text/html,x')).toBeNull();
    expect(safeHttpUrl('https://a.example/p(1) x')).toBe('https://a.example/p%281%29%20x');
    expect(markdownLink('T [1]', 'https://a.example/')).toBe('[T \uFF3B1\uFF3D](https://a.example/)');
    expect(markdownLink('T', 'ftp://a.example/')).toBe('T');
    const hostile: MessageItem = { ...item(1), title: '[Win a prize](https://evil.example) **now**', url: 'javascript:alert(1)', summary: '<at>everyone</at> # heading' };
    const json = JSON.stringify(renderCard({ text: 't', items: [hostile] }).card);
    expect(json).not.toContain('javascript:');
    expect(json).toContain('[Win a prize]\\u200b(https://evil.example) \u2217\u2217now\u2217\u2217'.replace('\\u200b', ZW));
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

describe('what a Teams reader sees', () => {
  /** Every string a Teams client shows from the card, plus the notification summary. */
  function shownTexts(rendered: ReturnType<typeof renderCard>): string[] {
    const out = [rendered.summary];
    const walk = (node: unknown): void => {
      if (Array.isArray(node)) node.forEach(walk);
      else if (node && typeof node === 'object') {
        for (const [key, value] of Object.entries(node)) {
          if (['text', 'title', 'value', 'fallbackText'].includes(key) && typeof value === 'string') out.push(value);
          else walk(value);
        }
      }
    };
    walk(rendered.card);
    return out;
  }

  it('the help card has no backslash escapes and no backticks (commands are bold)', async () => {
    const store = createStore(':memory:');
    await store.migrate();
    const commands = createCommandHandler({ store, clock: createManualClock(), logger: createSilentLogger(), topics: defaultTopics(), digestDefaults: { enabled: true, weekday: 1, time: '09:00', timeZone: 'UTC' } });
    const help = await commands.handle('help', { destination: { platform: 'teams', workspaceId: 't', channelId: 'c' }, userId: 'u', canManage: true });
    await store.close();
    const texts = shownTexts(renderCard(help));
    expect(texts.join('\n')).toContain('**latest [topic] [region] [n] [public]**');
    for (const text of texts) {
      expect(text).not.toContain('\\');
      expect(text).not.toContain('`');
    }
  });

  it('a post has no backslash escapes, dates in the reader’s locale, and no raw link in the notification', () => {
    const post: MessageItem = {
      title: 'EU (Brussels) > US: "Safe Harbor" #2 — 1. what [changed]',
      url: 'https://news.example/eu-us',
      summary: '> The Commission (again) said: 3 > 2 and #privacy matters.',
      source: 'Example (EU) News',
      publishedAt: new Date('2026-03-01T10:00:00.123Z'),
      topics: ['International data transfers'],
      id: 37,
      reason: 'Matched International data transfers',
    };
    const rendered = renderCard({ kind: 'item', text: `${post.title} https://news.example/eu-us`, items: [post] });
    const texts = shownTexts(rendered);
    for (const text of texts) expect(text).not.toMatch(/\\/);
    const json = JSON.stringify(rendered.card);
    expect(json).toContain('{{DATE(2026-03-01T10:00:00Z, SHORT)}} {{TIME(2026-03-01T10:00:00Z)}}');
    expect(json).toContain('Matched International data transfers · Example (EU) News · {{DATE(');
    expect(json).toContain('· #37');
    expect(rendered.summary).not.toContain('https://');
    expect(cardProblems(rendered.card as unknown as Record<string, unknown>)).toEqual([]);
  });
});
