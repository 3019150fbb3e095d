import type { CliCommand } from '../cli-command.js';
import { writeLine } from '../cli-command.js';

export const whyCommand: CliCommand = {
  name: 'why',
  summary: 'Explain an item: its topics with the phrases that matched, and its story',
  usage: `Usage: privacy-radar why <#id | id | item link>

  The #id is shown under every post and in latest/search output; the same answer as the chat
  command \`why\`.`,
  async run(ctx) {
    const target = ctx.positionals.join(' ').trim();
    if (!target) {
      writeLine(ctx.stderr, 'error: why needs an item reference, e.g. privacy-radar why 37 (see the #id in latest)');
      return 2;
    }
    const core = await ctx.core();
    // The chat command's own answer, so the terminal and chat never disagree.
    const answer = await core.commands.handle(`why ${target}`, { destination: { platform: 'console', workspaceId: 'cli', channelId: 'cli' }, userId: 'cli', canManage: false });
    const out = answer.kind === 'error' ? ctx.stderr : ctx.stdout;
    if (answer.title) writeLine(out, answer.title);
    for (const line of answer.lines ?? [answer.text]) writeLine(out, `  ${line}`);
    const item = answer.items?.[0];
    if (item?.url) writeLine(out, `  ${item.url}`);
    return answer.kind === 'error' ? 2 : 0;
  },
};
