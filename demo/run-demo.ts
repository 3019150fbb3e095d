/**
 * `npm run demo`: the whole bot, offline, in one terminal. Three sample feeds are served on
 * loopback; the first poll records their backlog (new feeds never flood a channel), then a new
 * item is "published" every few seconds and arrives in the console like a Slack post would.
 * Type `latest`, `latest ai`, `search breach` or `help` at the privacy> prompt.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCore, loadAppConfig, runBot } from '../src/index.js';
import { CONSOLE_DESTINATION } from '../adapters/console/create-console-adapter.js';
import { createPlatforms } from '../adapters/runtime/create-platforms.js';
import { startSampleFeedServer } from './sample-feed-server.js';
import { BACKLOG, LIVE } from './sample-items.js';

const PUBLISH_EVERY_MS = Number(process.env.DEMO_PUBLISH_MS ?? 8_000);
const STOP_AFTER_MS = process.env.DEMO_SECONDS ? Number(process.env.DEMO_SECONDS) * 1000 : undefined;

async function main() {
  const feeds = await startSampleFeedServer(BACKLOG);
  const feedsFile = join(mkdtempSync(join(tmpdir(), 'privacy-radar-demo-')), 'feeds.json');
  writeFileSync(feedsFile, JSON.stringify({ feeds: feeds.feeds }, null, 2));
  // The demo talks to nothing but loopback: no chat credentials, private addresses allowed.
  const env: Record<string, string | undefined> = { ...process.env, FEEDS_FILE: feedsFile, ALLOW_PRIVATE_NETWORK: '1', LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn' };
  for (const name of ['SLACK_BOT_TOKEN', 'SLACK_CLIENT_ID', 'SLACK_APP_TOKEN', 'TEAMS_APP_ID', 'TEAMS_APP_PASSWORD']) delete env[name];
  const core = await createCore(loadAppConfig(env));
  await core.store.subscriptions.subscribe(CONSOLE_DESTINATION, core.topics.map((t) => t.id), core.digests.defaultSchedule, core.clock.now());
  // Poll once before the scheduler starts, so the backlog count below is this poll's.
  const first = await core.poller.pollOnce();
  const bot = await runBot(core, await createPlatforms(core));
  say(
    `Privacy Radar demo: ${first.newItems} backlog items recorded from ${feeds.feeds.length} sample feeds (not posted: a new feed never floods a channel).`,
    `This console is subscribed to every topic; new items will arrive every ${PUBLISH_EVERY_MS / 1000} s.`,
    `Try: latest · latest ai · search breach · subscriptions · help   (Ctrl-C stops)`,
    `Afterwards: npm run --silent cli -- latest --json`,
    ...(bot.pagesUrl ? [`Radar pages: ${bot.pagesUrl}  (stories, sources, topics, feeds; this machine only by default)`] : []),
  );

  let next = 0;
  const timer = setInterval(() => {
    const item = LIVE[next++];
    if (!item) return clearInterval(timer);
    feeds.publish(item);
    core.poller.pollOnce().catch((error: unknown) => core.logger.error({ err: error }, 'demo poll failed'));
  }, PUBLISH_EVERY_MS);

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    clearInterval(timer);
    await bot.stop();
    await feeds.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  if (STOP_AFTER_MS) setTimeout(stop, STOP_AFTER_MS).unref();
}

function say(...lines: string[]) {
  process.stdout.write(`\n${lines.join('\n')}\n\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`demo failed: ${(error as Error).message}\n`);
  process.exit(1);
});
