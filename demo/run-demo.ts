/**
 * `npm run demo`: the whole bot, offline, in one terminal. Three sample feeds are served on
 * loopback; the first poll records their backlog (new feeds never flood a channel), then a new
 * item is "published" every few seconds and arrives in the console like a Slack post would.
 * It keeps publishing until stopped: each cycle hands the stories to another outlet, so later
 * cycles arrive as "Also covered by" lines, and each cycle ends with a hint of what to type.
 * Everything lives in a temporary folder (database included) removed on exit: the demo never
 * touches ./data, so a later `npm start` shows none of its items.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCore, loadAppConfig, runBot } from '../src/index.js';
import { CONSOLE_DESTINATION } from '../adapters/console/create-console-adapter.js';
import { createPlatforms } from '../adapters/runtime/create-platforms.js';
import { startSampleFeedServer } from './sample-feed-server.js';
import { BACKLOG, LIVE, type SampleItem } from './sample-items.js';

const PUBLISH_EVERY_MS = Number(process.env.DEMO_PUBLISH_MS ?? 8_000);
const STOP_AFTER_MS = process.env.DEMO_SECONDS ? Number(process.env.DEMO_SECONDS) * 1000 : undefined;

async function main() {
  const feeds = await startSampleFeedServer(BACKLOG);
  const folder = mkdtempSync(join(tmpdir(), 'privacy-radar-demo-'));
  const feedsFile = join(folder, 'feeds.json');
  writeFileSync(feedsFile, JSON.stringify({ feeds: feeds.feeds }, null, 2));
  // The demo talks to nothing but loopback: no chat credentials, private addresses allowed, and
  // its own database in the temporary folder (whatever DATABASE_URL says).
  const env: Record<string, string | undefined> = {
    ...process.env,
    FEEDS_FILE: feedsFile,
    DATABASE_URL: join(folder, 'demo.db'),
    ALLOW_PRIVATE_NETWORK: '1',
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
  };
  for (const name of ['SLACK_BOT_TOKEN', 'SLACK_CLIENT_ID', 'SLACK_APP_TOKEN', 'TEAMS_APP_ID', 'TEAMS_APP_PASSWORD']) delete env[name];
  const core = await createCore(loadAppConfig(env));
  await core.store.subscriptions.subscribe(CONSOLE_DESTINATION, core.topics.map((t) => t.id), core.digests.defaultSchedule, core.clock.now());
  // Poll once before the scheduler starts, so the backlog count below is this poll's.
  const first = await core.poller.pollOnce();
  const bot = await runBot(core, await createPlatforms(core));
  say(
    `Privacy Radar demo: ${first.newItems} backlog items recorded from ${feeds.feeds.length} sample feeds (not posted: a new feed never floods a channel).`,
    `This console is subscribed to every topic; a new item arrives every ${PUBLISH_EVERY_MS / 1000} s until you stop the demo.`,
    `Try: latest · latest ai · search breach · why <#id from a post> · subscriptions · help   (Ctrl-C stops)`,
    `Its database is temporary (${folder}) and removed on exit: npm start never sees these items.`,
    ...(bot.pagesUrl ? [`Radar pages: ${bot.pagesUrl}  (stories, sources, topics, feeds; this machine only by default)`] : []),
  );
  bot.ready();

  let published = 0;
  const timer = setInterval(() => {
    const cycle = Math.floor(published / LIVE.length);
    const item = cycleItem(published++);
    feeds.publish(item);
    core.poller
      .pollOnce()
      .then(async () => {
        if (published % LIVE.length !== 0) return;
        const [newest] = await core.store.items.latest({ limit: 1 });
        say(
          `Cycle ${cycle + 1} done: ${LIVE.length} new reports arrived${cycle > 0 ? ' (the same stories from other outlets: see the "Also covered by" lines)' : ''}.`,
          `Try: ${newest ? `why #${newest.id} · ` : ''}latest · digest preview · feeds   (the next cycle starts now)`,
        );
        bot.ready();
      })
      .catch((error: unknown) => core.logger.error({ err: error }, 'demo poll failed'));
  }, PUBLISH_EVERY_MS);

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    clearInterval(timer);
    await bot.stop();
    await feeds.close();
    rmSync(folder, { recursive: true, force: true });
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  if (STOP_AFTER_MS) setTimeout(stop, STOP_AFTER_MS).unref();
}

const OUTLETS: ReadonlyArray<SampleItem['feed']> = ['demo-regulator', 'demo-newsroom', 'demo-blog'];

/**
 * The n-th published item: cycle 1 is the sample list as written; each later cycle gives every
 * story to the next outlet, so it arrives as another outlet's report of a story already posted.
 */
function cycleItem(n: number): SampleItem {
  const base = LIVE[n % LIVE.length]!;
  const cycle = Math.floor(n / LIVE.length);
  if (cycle === 0) return base;
  const feed = OUTLETS[(OUTLETS.indexOf(base.feed) + cycle) % OUTLETS.length]!;
  // After every outlet has reported a story, a new cycle is a follow-up, a story of its own.
  const round = Math.floor(cycle / OUTLETS.length);
  return { ...base, feed, title: round === 0 ? base.title : `Follow-up ${round}: ${base.title}` };
}

function say(...lines: string[]) {
  process.stdout.write(`\n${lines.join('\n')}\n\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`demo failed: ${(error as Error).message}\n`);
  process.exit(1);
});
