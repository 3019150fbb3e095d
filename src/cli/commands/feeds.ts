import { readFileSync, writeFileSync } from 'node:fs';
import { feedsFromOpml, feedsToOpml } from '../../config/opml.js';
import type { FeedRecord } from '../../core/types.js';
import { describeFeedHealth } from '../../ingest/describe-feed-health.js';
import { formatHumanTime } from '../../text/human-time.js';
import type { CliCommand, CliContext } from '../cli-command.js';
import { writeLine } from '../cli-command.js';

/** One row of `feeds list --json`. */
function feedRow(feed: FeedRecord) {
  const { state } = feed;
  return {
    id: feed.id,
    url: state.fetchUrl ?? feed.url,
    health: feed.enabled === false ? 'disabled' : state.health,
    lastError: state.lastError,
    lastErrorAt: state.lastErrorAt?.toISOString() ?? null,
    consecutiveFailures: state.consecutiveFailures,
    lastSuccessAt: state.lastSuccessAt?.toISOString() ?? null,
    nextCheckAt: state.nextCheckAt?.toISOString() ?? null,
  };
}

/** A plain-text table: health, last error kind, consecutive failures, next check; then each problem in words. */
function formatTable(feeds: FeedRecord[], now: Date): string[] {
  const header = ['ID', 'HEALTH', 'LAST ERROR', 'FAILURES', 'NEXT CHECK', 'URL'];
  const rows = feeds.map(feedRow).map((r) => [
    r.id,
    r.health,
    r.lastError ? r.lastError.kind : '-',
    String(r.consecutiveFailures),
    r.nextCheckAt && new Date(r.nextCheckAt).getTime() > now.getTime() ? formatHumanTime(new Date(r.nextCheckAt)) : 'now',
    r.url,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]!))).join('  ');
  // The same words chat `feeds` uses, then the error as the poller recorded it.
  const details = feeds
    .filter((f) => f.state.lastError && f.state.health !== 'ok')
    .map((f) => `  ${f.id}: ${describeFeedHealth(f, now)}\n    (${f.state.lastError!.kind}: ${f.state.lastError!.message})`);
  return [line(header), ...rows.map(line), ...(details.length ? ['', 'Last errors:', ...details] : [])];
}

/** `privacy-radar feeds list|check`. */
/** `feeds import <opml>`: appends the OPML's new feeds to feeds.json, keeping everything else. */
function importOpml(ctx: CliContext, path: string | undefined): number {
  if (!path) {
    writeLine(ctx.stderr, 'error: feeds import needs the path of an OPML file');
    return 2;
  }
  const config = ctx.config();
  const { added, skipped } = feedsFromOpml(readFileSync(path, 'utf8'), config.feeds, path);
  const file = JSON.parse(readFileSync(config.feedsFile, 'utf8')) as { feeds: unknown[] };
  file.feeds.push(...added);
  writeFileSync(config.feedsFile, `${JSON.stringify(file, null, 2)}\n`);
  writeLine(ctx.stdout, `Added ${added.length} feed${added.length === 1 ? '' : 's'} to ${config.feedsFile}`);
  for (const feed of added) writeLine(ctx.stdout, `  + ${feed.id}  ${feed.url}`);
  for (const reason of skipped) writeLine(ctx.stdout, `  skipped ${reason}`);
  return 0;
}

export const feedsCommand: CliCommand = {
  name: 'feeds',
  summary: 'Feed health (list), poll now (check), OPML import/export',
  usage: `Usage: privacy-radar feeds list [--json]
       privacy-radar feeds check [feed-id...] [--json]
       privacy-radar feeds import <file.opml>
       privacy-radar feeds export

  list    table of every configured feed: health (new, ok, failing, disabled), last error
          kind, consecutive failures, next check, URL actually polled
  check   polls the given feeds (default: all enabled) right now, then prints the same table
  import  adds the feeds of an OPML file (other readers' export) to FEEDS_FILE; known URLs skipped
  export  prints the configured feeds as OPML 2.0 on stdout
  --json  print an array of {id,url,health,lastError,lastErrorAt,consecutiveFailures,lastSuccessAt,nextCheckAt}`,
  options: { json: { type: 'boolean' } },
  async run(ctx) {
    const [action, ...ids] = ctx.positionals;
    if (action === 'import') return importOpml(ctx, ids[0]);
    if (action === 'export') {
      ctx.stdout.write(feedsToOpml(ctx.config().feeds));
      return 0;
    }
    if (action !== 'list' && action !== 'check') {
      writeLine(ctx.stderr, `error: expected "feeds list", "check", "import" or "export", got "feeds ${action ?? ''}"\n\n${feedsCommand.usage}`);
      return 2;
    }
    const core = await ctx.core();
    if (action === 'check') {
      const known = new Set((await core.store.feeds.list()).map((f) => f.id));
      const unknown = ids.filter((id) => !known.has(id));
      if (unknown.length) {
        writeLine(ctx.stderr, `error: unknown feed id ${unknown.map((id) => `"${id}"`).join(', ')}; see: privacy-radar feeds list`);
        return 2;
      }
      try {
        await core.poller.pollOnce(ids.length ? { feedIds: ids } : undefined);
      } finally {
        await core.poller.close?.();
      }
    }
    const feeds = (await core.store.feeds.list()).filter((f) => action === 'list' || ids.length === 0 || ids.includes(f.id));
    if (ctx.values.json) writeLine(ctx.stdout, JSON.stringify(feeds.map(feedRow), null, 2));
    else if (feeds.length === 0) writeLine(ctx.stdout, 'No feeds configured. Add some to feeds.json (FEEDS_FILE).');
    else for (const line of formatTable(feeds, core.clock.now())) writeLine(ctx.stdout, line);
    return 0;
  },
};
