import { buildDigest } from '../../digest/build-digest.js';
import { sendDigestNow } from '../../digest/digest-actions.js';
import { findDestination } from '../../digest/find-destination.js';
import { formatDigestText } from '../../digest/format-digest-text.js';
import type { CliCommand } from '../cli-command.js';
import { writeLine } from '../cli-command.js';

/** `privacy-radar digest --channel slack:C123 --preview|--send [--days N] [--json]`. */
export const digestCommand: CliCommand = {
  name: 'digest',
  summary: "Preview or send a channel's weekly digest",
  usage: `Usage: privacy-radar digest --channel <platform>:<channel id> (--preview | --send) [--days N] [--json]

  --channel   a subscribed channel, e.g. slack:C123 or teams:19:abc@thread.tacv2
              (the workspace comes from the stored subscription; use slack:T123:C123
              when the same channel id is subscribed in several workspaces)
  --preview   print the digest the channel would get now; sends nothing
  --send      queue the digest for the channel now (the running bot delivers it) and
              start the next digest period from now
  --days N    cover the last N days (1-90) instead of the time since the previous digest
  --json      with --preview: print the platform-neutral message as JSON`,
  options: { channel: { type: 'string' }, preview: { type: 'boolean' }, send: { type: 'boolean' }, days: { type: 'string' }, json: { type: 'boolean' } },
  async run(ctx) {
    const { channel, preview, send, days: daysText, json } = ctx.values;
    if (typeof channel !== 'string' || channel === '') {
      writeLine(ctx.stderr, 'error: --channel is required, e.g. --channel slack:C123');
      return 2;
    }
    if (Boolean(preview) === Boolean(send)) {
      writeLine(ctx.stderr, 'error: give exactly one of --preview or --send');
      return 2;
    }
    const days = daysText === undefined ? undefined : Number(daysText);
    if (days !== undefined && (!Number.isInteger(days) || days < 1 || days > 90)) {
      writeLine(ctx.stderr, `error: --days: expected a whole number from 1 to 90, got "${String(daysText)}"`);
      return 2;
    }
    const core = await ctx.core();
    const found = await findDestination(core.store, channel);
    if ('problem' in found) {
      writeLine(ctx.stderr, `error: ${found.problem}`);
      return 2;
    }
    const deps = { store: core.store, clock: core.clock, topics: core.topics };
    if (send) {
      const reply = await sendDigestNow(deps, found.destination, { days });
      writeLine(ctx.stdout, `${reply.text} (${found.destination.platform}:${found.destination.workspaceId}:${found.destination.channelId}; delivered by the running bot's dispatcher)`);
      return 0;
    }
    const message = await buildDigest(deps, found.destination, { days });
    writeLine(ctx.stdout, json ? JSON.stringify(message, null, 2) : formatDigestText(message));
    return 0;
  },
};
