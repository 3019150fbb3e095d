import { describe, expect, it } from 'vitest';
import { insertItems, taggedItem } from '../delivery/store-harness.js';
import { readable, useCommandHarness, type CommandHarness as Harness } from './command-harness.js';

describe('help and unknown input', () => {
  let h: Harness;
  useCommandHarness((harness) => {
    h = harness;
  });

  it('answers empty input and `help` with the grammar, privately', async () => {
    for (const text of ['', 'help', '/privacy help']) {
      const reply = await h.run(text);
      expect(reply).toMatchObject({ title: 'Privacy Radar commands', visibility: 'private' });
      for (const command of ['latest', 'search', 'subscribe', 'unsubscribe', 'subscriptions', 'topics', 'digest', 'feeds', 'why']) {
        expect(readable(reply)).toContain(`\`${command}`);
      }
    }
  });

  it('suggests the closest command, or `latest <topic>` for a bare topic', async () => {
    expect(readable(await h.run('lates ai'))).toContain('I don\'t know the command "lates". Did you mean `latest ai`?');
    expect(readable(await h.run('subscirbe gdpr'))).toContain('Did you mean `subscribe gdpr`?');
    expect(readable(await h.run('GDPR'))).toContain('Did you mean `latest gdpr`?');
    const plain = readable(await h.run('weather today'));
    expect(plain).toContain('I don\'t know the command "weather".');
    expect(plain).not.toContain('Did you mean');
  });
});

describe('latest and search', () => {
  let h: Harness;
  useCommandHarness((harness) => {
    h = harness;
  });

  async function seed(n: number, topics = ['ai'], feed = 'reuters') {
    const items = Array.from({ length: n }, (_, i) => taggedItem({ title: `AI rules item ${i}`, topics }));
    return insertItems(h.store, feed, items, h.clock.now());
  }

  it('lists 5 items by default, n on request, privately unless `public`', async () => {
    await seed(8);
    const reply = await h.run('latest');
    expect(reply).toMatchObject({ title: 'Latest privacy news', visibility: 'private', kind: 'reply' });
    expect(reply.items).toHaveLength(5);
    expect((await h.run('latest ai 7')).items).toHaveLength(7);
    const shared = await h.run('latest ai 2 public');
    expect(shared).toMatchObject({ title: 'Latest on AI & automated decisions', visibility: 'public' });
    expect(shared.items).toHaveLength(2);
  });

  it('accepts labels and near misses for the topic, saying what it showed', async () => {
    await seed(2, ['gdpr']);
    const reply = await h.run('latest gpdr');
    expect(reply.lines).toEqual(['Showing `gdpr` (you typed "gpdr").']);
    expect(reply.items).toHaveLength(2);
    expect((await h.run('latest Data breaches & leaks')).title).toBe('Latest on Data breaches & leaks');
  });

  it('lists stories, not near-identical items, noting "+N sources"', async () => {
    const [a] = await seed(1, ['ai'], 'reuters');
    const [b] = await seed(1, ['ai'], 'bbc');
    await h.store.items.setStory([a!.id, b!.id], a!.id);
    const reply = await h.run('latest ai');
    expect(reply.items).toHaveLength(1);
    expect(reply.items?.[0]?.note).toBe('+1 source');
  });

  it.each([
    ['latest ai 25', 'The count must be a whole number from 1 to 20 (got 25). Example: `latest ai 10`'],
    ['latest 0', 'The count must be a whole number from 1 to 20 (got 0).'],
    ['latest ai -3', 'The count must be a whole number from 1 to 20 (got -3).'],
    ['latest 3 4', 'Give one count, not 2 (3, 4).'],
    ['latest weather', '"weather" is not a topic: `topics` lists them all. Example: `latest ai 5`'],
    ['latest bio', '"bio" is not a topic: did you mean `biometrics`? Example: `latest biometrics 5`'],
  ])('%s -> says what was wrong with an example', async (text, expected) => {
    const reply = await h.run(text);
    expect(reply).toMatchObject({ kind: 'error', visibility: 'private' });
    expect(reply.text).toContain(expected);
  });

  it('says so when nothing is stored', async () => {
    expect((await h.run('latest')).text).toBe('No items yet: the feeds have not been polled.');
    expect((await h.run('latest gdpr')).text).toBe('No items on GDPR & EU/UK data protection yet.');
  });

  it('searches stored items and explains bad searches', async () => {
    await insertItems(h.store, 'reuters', [taggedItem({ title: 'Biometric data law passes', summary: 'Face scans regulated' }), taggedItem({ title: 'Unrelated' })], h.clock.now());
    const found = await h.run('search biometric');
    expect(found.items?.map((item) => item.title)).toEqual(['Biometric data law passes']);
    expect(found.visibility).toBe('private');
    expect((await h.run('search quantum teleportation')).text).toContain('Nothing found for "quantum teleportation"');
    expect((await h.run('search')).text).toBe('The search words are missing. Example: `search biometric data`');
    expect((await h.run('search !!! ???')).text).toContain('The search needs at least one word');
    expect((await h.run(`search ${'x'.repeat(250)}`)).text).toContain('The search is too long (250 characters, at most 200)');
  });
});
