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
  return texts.flatMap((t) => [...t.matchAll(/<[^>]*>/g)].map((m) => m[0])).filter((seq) => !/^<(https?:\/\/[^|>]+\|[^>]*|!date\^\d+\^\{date_short_pretty\} at \{time\}\|[\w ,:]+)>$/.test(seq));
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
  it('renders a delivered item as a linked title with its summary, then why it is here, source, date and reference', () => {
    const { blocks, text } = renderBlocks({ text: 'Regulator fines AI firm (Example News)', kind: 'item', items: [item({ id: 37, reason: 'Matched AI & automated decisions' })] });
    // The last block is the post actions (Why this?, More on this story, ...).
    expect(blocks.map((b) => b.type)).toEqual(['section', 'context', 'actions']);
    expect(blocks[0]).toMatchObject({ text: { type: 'mrkdwn', text: '*<https://news.example/a?x=1&amp;y=2|Regulator fines AI firm>*\nThe regulator issued a fine.' } });
    const context = (blocks[1] as { elements: Array<{ text: string }> }).elements[0]!.text;
    expect(context).toBe('Matched AI &amp; automated decisions · Example News · <!date^1767603600^{date_short_pretty} at {time}|Mon 5 Jan, 09:00 UTC> · #37');
    // No "Open" button repeating the title's link.
    expect(JSON.stringify(blocks)).not.toContain('"url"');
    expect(text).toBe('Regulator fines AI firm (Example News)');
  });

  it('a later report of a story is one context line: "Also covered by <source> · date · reference", linked', () => {
    const later = item({ id: 38, source: 'Other Paper', url: 'https://other.example/b' });
    const { blocks } = renderBlocks({ text: 'Also covered by Other Paper: Regulator fines AI firm', kind: 'story_update', items: [later] });
    expect(blocks).toEqual([
      { type: 'context', elements: [{ type: 'mrkdwn', text: 'Also covered by *<https://other.example/b|Other Paper>* · <!date^1767603600^{date_short_pretty} at {time}|Mon 5 Jan, 09:00 UTC> · #38' }] },
    ]);
  });

  it('lists show topic labels and each item’s reference, not a reason', () => {
    const { blocks } = renderBlocks({ text: 'Latest', title: 'Latest', items: [item({ id: 1, topics: ['AI & automated decisions'] }), item({ id: 2 })] });
    const contexts = blocks.filter((b) => b.type === 'context').map((b) => JSON.stringify(b));
    expect(contexts[0]).toContain('AI &amp; automated decisions · #1');
    expect(contexts[1]).toContain('#2');
  });

  it('cuts a long title so the post stays scannable', () => {
    const { blocks } = renderBlocks({ text: 't', kind: 'item', items: [item({ title: 'word '.repeat(100) })] });
    const section = blocks[0] as { text: { text: string } };
    const title = section.text.text.split('\n')[0]!;
    expect(title.length).toBeLessThanOrEqual(400);
    expect(title).toContain('…');
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
