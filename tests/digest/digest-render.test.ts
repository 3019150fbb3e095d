import { describe, expect, it } from 'vitest';
import { renderBlocks } from '../../adapters/slack/render-blocks.js';
import { renderCard } from '../../adapters/teams/render-card.js';
import type { ChatMessage } from '../../src/chat/message.js';
import { buildDigest } from '../../src/digest/build-digest.js';
import type { Store } from '../../src/store/store.js';
import { useMemoryStore } from '../store/use-memory-store.js';
import { addItem, CHANNEL, clockAt, DIGEST_TIME, HOUR, prepareChannel, tagged } from './digest-fixtures.js';

// The digest as Slack and Teams receive it: snapshots of a small digest, limits of a huge one.
let store: Store;
useMemoryStore((opened) => {
  store = opened;
});

const ago = (ms: number) => new Date(DIGEST_TIME.getTime() - ms);
const LABELS = Array.from({ length: 14 }, (_, i) => ({ id: `topic-${i}`, label: `Topic number ${i}` }));

async function smallDigest(): Promise<ChatMessage> {
  await prepareChannel(store);
  const lead = await addItem(store, 'reuters', tagged('r1', 'LinkedIn sued over AI training <!channel> & <@U123>', ['ai', 'lawsuit'], ago(2 * HOUR)), ago(2 * HOUR));
  await addItem(store, 'bbc', tagged('b1', 'LinkedIn accused of using private messages to train AI', ['ai'], ago(HOUR)), ago(HOUR), lead);
  await addItem(store, 'eff', tagged('e1', 'Jury orders NSO Group to pay WhatsApp $168 million', ['lawsuit'], ago(3 * HOUR)), ago(3 * HOUR));
  await store.feeds.updateState('guardian', { health: 'failing' });
  return buildDigest({ store, clock: clockAt(DIGEST_TIME), topics: [{ id: 'ai', label: 'AI' }, { id: 'lawsuit', label: 'Lawsuits' }] }, CHANNEL);
}

async function hugeDigest(): Promise<ChatMessage> {
  await prepareChannel(store, LABELS.map((t) => t.id));
  let n = 0;
  for (const topic of LABELS) {
    for (let i = 0; i < 9; i += 1) {
      n += 1;
      const title = `Story ${n} on ${topic.label}: ${'a long headline that keeps going '.repeat(6)}`;
      const item = { ...tagged(`k${n}`, title, [topic.id], ago(n * 60_000)), summary: 'A very long summary sentence. '.repeat(60) };
      await addItem(store, 'eff', item, ago(n * 60_000));
    }
  }
  return buildDigest({ store, clock: clockAt(DIGEST_TIME), topics: LABELS }, CHANNEL);
}

describe('digest rendered by the adapters', () => {
  it('renders a small digest for Slack (snapshot), escaping feed text', async () => {
    const body = renderBlocks(await smallDigest());
    expect(JSON.stringify(body)).not.toContain('<!channel>');
    expect(JSON.stringify(body)).not.toContain('<@U123>');
    expect(body).toMatchSnapshot();
  });

  it('renders a small digest for Teams (snapshot)', async () => {
    const rendered = renderCard(await smallDigest());
    expect(rendered).toMatchSnapshot();
  });

  it('keeps a digest with many topics and stories bounded before the adapters trim', async () => {
    const message = await hugeDigest();
    expect(message.sections).toHaveLength(10);
    // 10 topics share about 15 listed stories: one each here, the rest counted.
    expect(message.sections!.every((s) => s.items.length === 1 && s.more === 'and 8 more')).toBe(true);
    expect(message.sections!.every((s) => s.items.every((i) => i.summary.length <= 200))).toBe(true);
    expect(message.footer).toBe('and 4 more topics not shown.');
    expect(message.text.length).toBeLessThanOrEqual(3000);
  });

  it('fits Block Kit (50 blocks, 3000 characters a text, 150 a header) for a huge digest', async () => {
    const body = renderBlocks(await hugeDigest());
    expect(body.blocks.length).toBeLessThanOrEqual(50);
    const texts = JSON.stringify(body.blocks).match(/"text":"(?:[^"\\]|\\.)*"/g) ?? [];
    expect(Math.max(...texts.map((t) => t.length))).toBeLessThanOrEqual(3000 + 10);
    expect(JSON.stringify(body)).toContain('Topic number 0');
    // The shape of the trimmed message: which blocks survive, and the count of what was cut.
    const outline = body.blocks.map((block) => {
      const text = 'text' in block && block.text && typeof block.text === 'object' && 'text' in block.text ? String(block.text.text) : '';
      return `${block.type}${text.startsWith('*Topic') || text.startsWith('…') ? ` ${text.slice(0, 40)}` : ''}`;
    });
    expect(outline).toMatchSnapshot();
  });

  it('fits an Adaptive Card under 28 KB for a huge digest', async () => {
    const { card } = renderCard(await hugeDigest());
    expect(Buffer.byteLength(JSON.stringify(card), 'utf8')).toBeLessThanOrEqual(28 * 1024);
    expect(JSON.stringify(card)).toContain('Topic number 0');
    const outline = card.body.map((element) => `${element.type}${typeof element.text === 'string' && element.text.length < 60 ? ` ${element.text}` : ''}`);
    expect(outline).toMatchSnapshot();
  });
});
