import { describe, expect, it } from 'vitest';
import { buildDigest } from '../../src/digest/build-digest.js';
import { previewDigest } from '../../src/digest/digest-actions.js';
import type { Store } from '../../src/store/store.js';
import { useMemoryStore } from '../store/use-memory-store.js';
import { addItem, CHANNEL, clockAt, DAY, DIGEST_TIME, HOUR, prepareChannel, tagged, TOPICS } from './digest-fixtures.js';

let store: Store;
useMemoryStore((opened) => {
  store = opened;
});

const ago = (ms: number) => new Date(DIGEST_TIME.getTime() - ms);
const deps = () => ({ store, clock: clockAt(DIGEST_TIME), topics: TOPICS });

describe('buildDigest', () => {
  it('gives a channel on ai and lawsuit exactly those two sections', async () => {
    await prepareChannel(store);
    const lead = await addItem(store, 'reuters', tagged('r1', 'LinkedIn sued over AI training on private messages', ['ai', 'lawsuit'], ago(2 * DAY)), ago(2 * DAY));
    await addItem(store, 'bbc', tagged('b1', 'LinkedIn accused of using private messages to train AI', ['ai', 'lawsuit'], ago(2 * DAY - HOUR)), ago(2 * DAY - HOUR), lead);
    await addItem(store, 'guardian', tagged('g1', 'Colorado governor signs AI Act', ['ai'], ago(3 * DAY)), ago(3 * DAY));
    await addItem(store, 'eff', tagged('e1', 'Jury orders NSO Group to pay WhatsApp $168 million', ['lawsuit'], ago(DAY)), ago(DAY));
    await addItem(store, 'bbc', tagged('b2', 'Ireland fines TikTok 345 million euros', ['gdpr'], ago(DAY)), ago(DAY));
    await addItem(store, 'reuters', tagged('r2', 'Old AI story from last month', ['ai'], ago(30 * DAY)), ago(30 * DAY));

    const message = await buildDigest(deps(), CHANNEL);
    expect(message).toEqual({
      kind: 'digest',
      visibility: 'public',
      title: 'Weekly privacy digest',
      lines: ['3 stories on AI & automated decisions, Litigation & court rulings since Mon 2 Mar.'],
      sections: [
        {
          heading: 'AI & automated decisions',
          items: [
            expect.objectContaining({ title: 'LinkedIn sued over AI training on private messages', source: 'Reuters', note: '+1 source', topics: ['AI & automated decisions', 'Litigation & court rulings'] }),
            expect.objectContaining({ title: 'Colorado governor signs AI Act', source: 'The Guardian' }),
          ],
        },
        {
          heading: 'Litigation & court rulings',
          items: [expect.objectContaining({ title: 'Jury orders NSO Group to pay WhatsApp $168 million', source: 'EFF', url: 'https://news.example/e1' })],
        },
      ],
      text:
        'Weekly privacy digest: 3 stories on AI & automated decisions, Litigation & court rulings since Mon 2 Mar.\n' +
        'AI & automated decisions: LinkedIn sued over AI training on private messages; Colorado governor signs AI Act\n' +
        'Litigation & court rulings: Jury orders NSO Group to pay WhatsApp $168 million',
    });
  });

  it('ranks by number of sources, then recency, shows at most 5 and counts the rest', async () => {
    await prepareChannel(store, ['ai']);
    for (let i = 0; i < 7; i += 1) {
      await addItem(store, 'eff', tagged(`s${i}`, `AI story ${i}`, ['ai'], ago((7 - i) * HOUR)), ago((7 - i) * HOUR));
    }
    // The oldest story gets two more sources: it ranks first despite its age.
    const oldest = await store.items.getByUrl('https://news.example/s0');
    await addItem(store, 'reuters', tagged('x1', 'AI story 0 again', ['ai'], ago(6 * HOUR)), ago(6 * HOUR), oldest!);
    await addItem(store, 'bbc', tagged('x2', 'AI story 0 once more', ['ai'], ago(5 * HOUR)), ago(5 * HOUR), oldest!);

    const [section] = (await buildDigest(deps(), CHANNEL)).sections!;
    expect(section!.items.map((item) => [item.title, item.note])).toEqual([
      ['AI story 0', '+2 sources'],
      ['AI story 6', undefined],
      ['AI story 5', undefined],
      ['AI story 4', undefined],
      ['AI story 3', undefined],
    ]);
    expect(section!.more).toBe('and 2 more');
  });

  it('covers the time since the previous digest, or the days asked for', async () => {
    await prepareChannel(store, ['ai']);
    await addItem(store, 'eff', tagged('a', 'Before the last digest', ['ai'], ago(5 * DAY)), ago(5 * DAY));
    await addItem(store, 'eff', tagged('b', 'After the last digest', ['ai'], ago(DAY)), ago(DAY));
    await store.subscriptions.markDigestSent(CHANNEL, ago(2 * DAY));
    const titles = async (options = {}) => ((await buildDigest(deps(), CHANNEL, options)).sections ?? []).flatMap((s) => s.items.map((i) => i.title));
    expect(await titles()).toEqual(['After the last digest']);
    expect(await titles({ days: 7 })).toEqual(['After the last digest', 'Before the last digest']);
  });

  it('says so when the week was quiet, and notes failing sources', async () => {
    await prepareChannel(store, ['ai']);
    await store.feeds.updateState('bbc', { health: 'failing' });
    await store.feeds.updateState('eff', { health: 'failing' });
    const message = await buildDigest(deps(), CHANNEL);
    expect(message.sections).toBeUndefined();
    expect(message.lines).toEqual(['No new stories on AI & automated decisions since Mon 2 Mar.']);
    expect(message.footer).toBe('Source health: 2 of 4 sources failing (BBC News, EFF); some news may be missing.');
  });

  it('keeps at most 10 sections and says how many topics were left out', async () => {
    const topics = Array.from({ length: 12 }, (_, i) => `topic-${i}`);
    await prepareChannel(store, topics);
    for (const [i, topic] of topics.entries()) await addItem(store, 'eff', tagged(`t${i}`, `Story on ${topic}`, [topic], ago(HOUR)), ago(HOUR));
    const message = await buildDigest(deps(), CHANNEL);
    expect(message.sections).toHaveLength(10);
    expect(message.sections![0]!.heading).toBe('topic-0');
    expect(message.footer).toBe('and 2 more topics not shown.');
  });

  it('lists fewer stories per topic when a channel follows many topics', async () => {
    const topics = ['t1', 't2', 't3', 't4'];
    await prepareChannel(store, topics);
    for (const topic of topics) {
      for (let i = 0; i < 6; i += 1) await addItem(store, 'eff', tagged(`${topic}-${i}`, `Story ${i} on ${topic}`, [topic], ago(HOUR)), ago(HOUR));
    }
    const message = await buildDigest(deps(), CHANNEL);
    expect(message.sections!.map((s) => [s.items.length, s.more])).toEqual([
      [3, 'and 3 more'],
      [3, 'and 3 more'],
      [3, 'and 3 more'],
      [3, 'and 3 more'],
    ]);
  });

  it('answers a channel without subscriptions with a notice, not a digest', async () => {
    const message = await buildDigest(deps(), { platform: 'slack', workspaceId: 'T1', channelId: 'CNONE' });
    expect(message.kind).toBe('notice');
  });
});

describe('previewDigest', () => {
  it('shows the asker the same sections, privately, with the next digest time', async () => {
    await prepareChannel(store);
    await addItem(store, 'eff', tagged('e1', 'Clearview AI sued again', ['ai', 'lawsuit'], ago(DAY)), ago(DAY));
    const preview = await previewDigest(deps(), CHANNEL);
    const digest = await buildDigest(deps(), CHANNEL);
    expect(preview.visibility).toBe('private');
    expect(preview.sections).toEqual(digest.sections);
    expect(preview.lines?.[0]).toBe('Preview: the next digest is due Mon 16 Mar, 09:00 (Europe/Berlin).');
  });
});
