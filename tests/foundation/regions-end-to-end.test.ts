import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChatMessage } from '../../src/chat/message.js';
import type { ChatPort } from '../../src/chat/chat-port.js';
import { createCore, type AppCore } from '../../src/app/create-core.js';
import { loadAppConfig } from '../../src/app/load-config.js';
import { createRenderers } from '../../src/app/renderers.js';
import { createManualClock } from '../../src/core/clock.js';
import { createSilentLogger } from '../../src/core/logger.js';
import { destinationKey, type Destination } from '../../src/core/types.js';
import { createDispatcher } from '../../src/delivery/dispatcher.js';
import { startSampleFeedServer } from '../../demo/sample-feed-server.js';
import { BACKLOG, type SampleItem } from '../../demo/sample-items.js';

const CNIL_FINE: SampleItem = { feed: 'demo-regulator', title: 'CNIL fines adtech firm €40 million over cookie consent', description: 'The French regulator said the company set tracking cookies before users agreed.' };
const FTC_ORDER: SampleItem = { feed: 'demo-newsroom', title: 'FTC order bars data broker from selling location data', description: 'The Federal Trade Commission said the broker sold precise geolocation without consent.' };
const NO_REGION: SampleItem = { feed: 'demo-blog', title: 'Regulator fines app maker over undisclosed data sharing', description: 'The data protection authority said the app shared contact lists with advertisers.' };

/**
 * The region filter on the real path: sample feeds on loopback -> poll -> tag (jurisdictions) ->
 * store -> route (the channel's `region` setting, set by chat command) -> outbox -> dispatcher ->
 * a chat port; and the digest of the same channels.
 */
describe('end to end: a channel\'s region setting', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pr-regions-'));
  const env = { FEEDS_FILE: join(dir, 'feeds.json'), DATABASE_URL: join(dir, 'radar.db'), ALLOW_PRIVATE_NETWORK: '1', LOG_LEVEL: 'silent' };
  const channel = (channelId: string): Destination => ({ platform: 'console', workspaceId: 'local', channelId });
  const usDesk = channel('us-desk');
  const strictDesk = channel('strict-desk');
  const everything = channel('everything');
  const sent = new Map<string, ChatMessage[]>();
  const port: ChatPort = {
    platform: 'console',
    send: async (destination, message) => {
      const list = sent.get(destinationKey(destination)) ?? [];
      sent.set(destinationKey(destination), [...list, message]);
      return { kind: 'sent', messageRef: String(list.length + 1) };
    },
  };
  const received = (destination: Destination) => (sent.get(destinationKey(destination)) ?? []).map((message) => message.items?.[0]?.title ?? message.text);
  let feeds: Awaited<ReturnType<typeof startSampleFeedServer>>;
  let core: AppCore;
  const clock = createManualClock(new Date());
  const run = (destination: Destination, text: string) => core.commands.handle(text, { destination, userId: 'U1', canManage: true });

  beforeAll(async () => {
    feeds = await startSampleFeedServer(BACKLOG);
    writeFileSync(env.FEEDS_FILE, JSON.stringify({ feeds: feeds.feeds }));
    core = await createCore(loadAppConfig(env), { clock, logger: createSilentLogger() });
  });
  afterAll(async () => {
    await core?.close();
    await feeds?.close();
  });

  it('`region us` gets the FTC order and not the CNIL fine; `region strict` drops untagged items; the digest follows', async () => {
    for (const destination of [usDesk, strictDesk, everything]) await run(destination, 'subscribe enforcement');
    expect((await run(usDesk, 'region us')).title).toBe('Region setting changed');
    expect((await run(strictDesk, 'region strict')).title).toBe('Region setting changed');
    const dispatcher = createDispatcher({ store: core.store, ports: [port], clock, logger: core.logger, renderers: createRenderers(core) });

    await core.poller.pollOnce(); // the backlog: recorded, never posted
    for (const item of [CNIL_FINE, FTC_ORDER, NO_REGION]) feeds.publish(item);
    clock.advance(60_000);
    expect((await core.poller.pollOnce()).newItems).toBe(3);
    for (let pass = 0; pass < 5; pass++) {
      await dispatcher.runOnce();
      clock.advance(2_000);
    }

    const stored = await core.store.items.latest({ limit: 3 });
    expect(Object.fromEntries(stored.map((item) => [item.title, item.jurisdictions]))).toEqual({
      [CNIL_FINE.title]: ['eu'], [FTC_ORDER.title]: ['us'], [NO_REGION.title]: [],
    });
    expect(stored.find((item) => item.title === FTC_ORDER.title)?.jurisdictionWhy.us).toEqual(expect.arrayContaining(['FTC']));

    expect(received(usDesk).sort()).toEqual([FTC_ORDER.title, NO_REGION.title].sort());
    expect(received(strictDesk).sort()).toEqual([CNIL_FINE.title, FTC_ORDER.title].sort());
    expect(received(everything).sort()).toEqual([CNIL_FINE.title, FTC_ORDER.title, NO_REGION.title].sort());
    // The delivered post carries its region mark.
    const ftcPost = (sent.get(destinationKey(usDesk)) ?? []).find((message) => message.items?.[0]?.title === FTC_ORDER.title);
    expect(ftcPost?.items?.[0]?.jurisdictions).toEqual(['us']);

    const digestTitles = async (destination: Destination) =>
      (await run(destination, 'digest preview')).sections?.flatMap((section) => section.items.map((item) => item.title)) ?? [];
    const usDigest = await digestTitles(usDesk);
    expect(usDigest).toContain(FTC_ORDER.title);
    expect(usDigest).not.toContain(CNIL_FINE.title);
    const strictDigest = await digestTitles(strictDesk);
    expect(strictDigest).toEqual(expect.arrayContaining([CNIL_FINE.title, FTC_ORDER.title]));
    expect(strictDigest).not.toContain(NO_REGION.title);
    expect(await digestTitles(everything)).toEqual(expect.arrayContaining([CNIL_FINE.title, FTC_ORDER.title, NO_REGION.title]));
  });
});
