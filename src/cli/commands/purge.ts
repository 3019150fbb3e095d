import type { Platform } from '../../core/types.js';
import type { CliCommand } from '../cli-command.js';
import { writeLine } from '../cli-command.js';

const PLATFORMS: Platform[] = ['slack', 'teams', 'console'];

export const purgeCommand: CliCommand = {
  name: 'purge',
  summary: 'Delete everything stored for a workspace or one channel (PRIVACY.md)',
  usage: `Usage: privacy-radar purge --workspace <platform>:<workspace id>
       privacy-radar purge --channel <platform>:<workspace id>:<channel id>

Deletes tokens, conversation references, subscriptions, queued messages and delivery records.
Stored news items are public articles and are pruned by RETENTION_DAYS, not by this command.
Examples: purge --workspace slack:T0123ABCD   purge --channel teams:<tenant id>:<conversation id>`,
  options: { workspace: { type: 'string' }, channel: { type: 'string' } },
  async run(ctx) {
    const workspace = ctx.values.workspace as string | undefined;
    const channel = ctx.values.channel as string | undefined;
    if (!workspace === !channel) {
      writeLine(ctx.stderr, `error: give exactly one of --workspace or --channel\n\n${this.usage}`);
      return 2;
    }
    const parts = (workspace ?? channel ?? '').split(':');
    const platform = parts[0] as Platform;
    const wanted = workspace ? 2 : 3;
    if (!PLATFORMS.includes(platform) || parts.length < wanted || parts.slice(1).some((p) => !p)) {
      writeLine(ctx.stderr, `error: expected ${workspace ? '<platform>:<workspace id>' : '<platform>:<workspace id>:<channel id>'} with platform slack, teams or console`);
      return 2;
    }
    const core = await ctx.core();
    if (workspace) {
      await core.store.installations.purgeWorkspace(platform, parts[1]!);
      writeLine(ctx.stdout, `Purged everything stored for ${platform} workspace ${parts[1]}.`);
    } else {
      // Teams conversation ids contain colons: everything after the workspace is the channel.
      const destination = { platform, workspaceId: parts[1]!, channelId: parts.slice(2).join(':') };
      await core.store.installations.purgeDestination(destination);
      writeLine(ctx.stdout, `Purged everything stored for ${platform} channel ${destination.channelId}.`);
    }
    return 0;
  },
};
