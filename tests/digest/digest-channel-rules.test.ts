import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createManualClock } from '../../src/core/clock.js';
import { buildDigest } from '../../src/digest/build-digest.js';
import type { Store } from '../../src/store/store.js';
import { defaultTopics } from '../../src/tagging/taxonomy.js';
import { DIGEST_DEFAULTS, insertItems, openTestStore, slackChannel, taggedItem } from '../delivery/store-harness.js';

const WEEK_START = new Date('2026-01-05T09:00:00Z');
const clock = createManualClock('2026-01-08T09:00:00Z');

describe('digests honour watches, mutes and workspace-owned sources', () => {
  let store: Store;
  beforeEach(async () => {
    store = await openTestStore();
  });
  afterEach(async () => {
    await store.close();
  });

  it('lists watch matches in their own section and leaves out muted and other workspaces\' items', async () => {
    await store.feeds.addOwned({ id: 'other-ws', url: 'https://other.example/feed' }, { platform: 'slack', workspaceId: 'T2' }, WEEK_START);
    await store.subscriptions.subscribe(slackChannel('C1'), ['ai'], DIGEST_DEFAULTS, WEEK_START);
    await store.watches.add(slackChannel('C1'), 'clearview', WEEK_START, 20);
    await store.mutes.add(slackChannel('C1'), { kind: 'source', feedId: 'bbc' }, WEEK_START, 20);
    const at = new Date('2026-01-06T09:00:00Z');
    await insertItems(store, 'reuters', [taggedItem({ title: 'Reuters on AI', topics: ['ai'] }), taggedItem({ title: 'Clearview fined', topics: ['biometrics'] })], at);
    await insertItems(store, 'bbc', [taggedItem({ title: 'BBC on AI', topics: ['ai'] })], at);
    await insertItems(store, 'other-ws', [taggedItem({ title: 'Other workspace AI', topics: ['ai'] })], at);
    const digest = await buildDigest({ store, clock, topics: defaultTopics() }, slackChannel('C1'), { since: WEEK_START });
    expect(digest.sections?.map((section) => [section.heading, section.items.map((item) => item.title)])).toEqual([
      ['AI & automated decisions', ['Reuters on AI']],
      ['Watch "clearview"', ['Clearview fined']],
    ]);
  });
});
