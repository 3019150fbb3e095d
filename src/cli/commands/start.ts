import { runBot } from '../../app/run-bot.js';
import type { CliCommand } from '../cli-command.js';
import { writeLine } from '../cli-command.js';

/** Upper bound for a graceful stop (issue: exit within 10 s). */
const STOP_DEADLINE_MS = 9_000;

export const startCommand: CliCommand = {
  name: 'start',
  summary: 'Run the bot: scheduler, dispatcher, HTTP server and chat adapters',
  usage: `Usage: privacy-radar start

Runs until SIGINT/SIGTERM. Reads FEEDS_FILE, DATABASE_URL, PORT and the platform variables
(see README). With no chat credentials the console adapter prints deliveries and, on a terminal,
offers a privacy> prompt for chat commands (latest ai, search biometric, help, ...).`,
  async run(ctx) {
    if (!ctx.platforms) {
      writeLine(ctx.stderr, 'error: start needs the chat adapters; run it through `npm start` or the privacy-radar bin');
      return 2;
    }
    const core = await ctx.core();
    const platforms = await ctx.platforms(core);
    const bot = await runBot(core, platforms);
    if (bot.pagesUrl) writeLine(ctx.stdout, `Radar pages: ${bot.pagesUrl} (WEB_ACCESS=${core.config.env.WEB_ACCESS}, see docs/web.md)`);
    bot.ready();
    await new Promise<void>((resolve) => {
      const onSignal = (signal: NodeJS.Signals) => {
        core.logger.info({ signal }, 'stopping: finishing in-flight sends');
        process.off('SIGINT', onSignal);
        process.off('SIGTERM', onSignal);
        const deadline = setTimeout(() => {
          core.logger.error('graceful stop took too long; exiting');
          process.exit(1);
        }, STOP_DEADLINE_MS);
        deadline.unref();
        bot.stop().then(resolve, (error: unknown) => {
          core.logger.error({ err: error }, 'error while stopping');
          resolve();
        });
      };
      process.on('SIGINT', onSignal);
      process.on('SIGTERM', onSignal);
    });
    return 0;
  },
};
