import type { Platform } from '../../core/types.js';
import type { CliCommand } from '../cli-command.js';
import { writeLine } from '../cli-command.js';

const PLATFORMS: Platform[] = ['slack', 'teams', 'console'];

export const adminChannelCommand: CliCommand = {
  name: 'admin-channel',
  summary: 'Mark a channel to receive feed-health notices (or --off to stop)',
  usage: `Usage: privacy-radar admin-channel <platform>:<workspace id>:<channel id> [--off]

Admin channels get one notice when a feed starts failing (docs/ingestion.md R10). With none, the notice
goes to the log. A channel that has no subscription yet gets one with no topics.
Example: privacy-radar admin-channel slack:T0123ABCD:C0456EFGH`,
  options: { off: { type: 'boolean' } },
  async run(ctx) {
    const [platform, workspaceId, ...rest] = (ctx.positionals[0] ?? '').split(':');
    const channelId = rest.join(':'); // Teams conversation ids contain colons
    if (!PLATFORMS.includes(platform as Platform) || !workspaceId || !channelId) {
      writeLine(ctx.stderr, `error: expected <platform>:<workspace id>:<channel id> with platform slack, teams or console\n\n${this.usage}`);
      return 2;
    }
    const destination = { platform: platform as Platform, workspaceId, channelId };
    const core = await ctx.core();
    const existing = await core.store.subscriptions.get(destination);
    if (!existing && ctx.values.off) {
      writeLine(ctx.stdout, 'That channel has no subscription; nothing to change.');
      return 0;
    }
    if (!existing) await core.store.subscriptions.subscribe(destination, [], { ...core.digests.defaultSchedule, enabled: false }, core.clock.now());
    await core.store.subscriptions.setAdmin(destination, !ctx.values.off);
    writeLine(ctx.stdout, ctx.values.off ? `${channelId} no longer receives feed-health notices.` : `${channelId} now receives feed-health notices.`);
    return 0;
  },
};
