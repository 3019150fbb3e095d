import { describe, expect, it } from 'vitest';
import { renderBlocks } from '../../adapters/slack/render-blocks.js';
import { escapeSlackText, fitEscaped, safeLinkUrl } from '../../adapters/slack/escape-text.js';
import type { ChatMessage, MessageItem } from '../../src/index.js';

const EVIL = 'Breach at <!channel> & <@U123> <!here> <https://evil.example|click> >quote';

function item(overrides: Partial<MessageItem> = {}): MessageItem {
  return {
    title: 'Regulator fines AI firm',
    url: 'https://news.example/a?x=1&y=2',
    summary: 'The regulator issued a fine.',
    source: 'Example News',
    publishedAt: new Date('2026-01-05T09:00:00Z'),
    topics: ['ai', 'enforcement'],
    ...overrides,
  };
}

/** Every string Slack would parse for markup, collected from blocks and fallback text. */
function parsedTexts(body: { text: string; blocks: unknown[] }): string[] {
  const out = [body.text];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      for (const [key, value] of Object.entries(node)) {
        if (key === 'text' && typeof value === 'string') out.push(value);
        else walk(value);
      }
    }
  };
  walk(body.blocks);
  return out;
}

/** Control sequences in Slack text: `<...>` that is not one of the link/date forms we build. */
function pings(texts: string[]): string[] {
  return texts.flatMap((t) => [...t.matchAll(/<[^>]*>/g)].map((m) => m[0])).filter((seq) => !/^<(https?:\/\/[^|>]+\|[^>]*|!date\^\d+\^\{date_short\}\|[\d-]+)>$/.test(seq));
}

describe('escaping', () => {
  it('escapes &, < and > and nothing else', () => {
    expect(escapeSlackText('a & b <c> *d* _e_')).toBe('a &amp; b &lt;c&gt; *d* _e_');
  });

  it('a malicious headline, summary, source, topic and note ping nobody anywhere in the message', () => {
    const evilItem = item({ title: EVIL, summary: EVIL, source: EVIL, topics: [EVIL], note: EVIL, url: 'https://x.example/<!channel>' });
    const messages: ChatMessage[] = [
      { text: EVIL, kind: 'item', items: [evilItem] },
      { text: EVIL, title: EVIL, lines: [EVIL], items: [evilItem, evilItem], fields: [{ label: EVIL, value: EVIL }], footer: EVIL },
      { text: EVIL, sections: [{ heading: EVIL, items: [evilItem], more: EVIL }], buttons: [{ label: EVIL, command: 'latest ai' }] },
    ];
    for (const message of messages) {
      const texts = parsedTexts(renderBlocks(message));
      expect(pings(texts)).toEqual([]);
      expect(texts.join('\n')).not.toMatch(/<!channel>|<@U123>|<!here>/);
      expect(texts.join('\n')).toContain('&lt;!channel&gt;');
    }
  });

  it('fits escaped text within the limit', () => {
    const raw = '<&>'.repeat(100);
    const fitted = fitEscaped(raw, 150);
    expect(fitted.length).toBeLessThanOrEqual(150);
    expect(fitted).not.toMatch(/[<>]/);
  });

  it('keeps only http(s) links and encodes characters that would break a <url|label> link', () => {
    expect(safeLinkUrl('javascript:alert(1)')).toBeNull();
    expect(safeLinkUrl('not a url')).toBeNull();
    expect(safeLinkUrl('https://a.example/x|y')).toBe('https://a.example/x%7Cy');
  });
});

describe('Block Kit layout', () => {
  it('renders a delivered item as header, summary, context and an Open button', () => {
    const { blocks, text } = renderBlocks({ text: 'New: Regulator fines AI firm', kind: 'item', items: [item()] });
    expect(blocks.map((b) => b.type)).toEqual(['header', 'section', 'context', 'actions']);
    expect(blocks[0]).toMatchObject({ text: { type: 'plain_text', text: 'Regulator fines AI firm' } });
    const context = JSON.stringify(blocks[2]);
    expect(context).toContain('Example News');
    expect(context).toContain('2026-01-05');
    expect(context).toContain('ai, enforcement');
    expect(blocks[3]).toMatchObject({ elements: [{ type: 'button', url: 'https://news.example/a?x=1&y=2', text: { text: 'Open' } }] });
    expect(text).toBe('New: Regulator fines AI firm');
  });

  it('cuts a long title to the 150-character header limit', () => {
    const { blocks } = renderBlocks({ text: 't', kind: 'item', items: [item({ title: 'word '.repeat(100) })] });
    const header = blocks[0] as { text: { text: string } };
    expect(header.text.text.length).toBeLessThanOrEqual(150);
    expect(header.text.text.endsWith('…')).toBe(true);
  });

  it('keeps a 20-item list and a big digest within 50 blocks and 3000 characters per text', () => {
    const many = Array.from({ length: 20 }, (_, i) => item({ title: `Item ${i}`, summary: 'x '.repeat(3000) }));
    const messages: ChatMessage[] = [
      { text: 'Latest', title: 'Latest on AI', items: many, buttons: [{ label: 'More', command: 'latest ai 20' }], footer: '2 sources failing' },
      { text: 'Digest', title: 'Weekly digest', sections: Array.from({ length: 6 }, (_, i) => ({ heading: `Topic ${i}`, items: many.slice(0, 10), more: 'and 12 more' })) },
    ];
    for (const message of messages) {
      const body = renderBlocks(message);
      expect(body.blocks.length).toBeLessThanOrEqual(50);
      for (const text of parsedTexts(body)) expect(text.length).toBeLessThanOrEqual(3000);
    }
    const digest = renderBlocks(messages[1] as ChatMessage);
    expect(JSON.stringify(digest.blocks)).toMatch(/more not shown here/);
  });

  it('always has fallback text, even when the core sent only a title', () => {
    expect(renderBlocks({ text: '', title: 'Topics' }).text).toBe('Topics');
  });

  it('turns command buttons into privacy_command actions and drops unusable buttons', () => {
    const { blocks } = renderBlocks({ text: 'x', buttons: [{ label: 'More', command: 'latest ai 10' }, { label: 'Bad', url: 'ftp://x' }] });
    expect(blocks).toEqual([{ type: 'actions', elements: [{ type: 'button', action_id: 'privacy_command_0', text: { type: 'plain_text', text: 'More' }, value: 'latest ai 10' }] }]);
  });
});
