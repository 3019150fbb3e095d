import { createInterface, type Interface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { ChatMessage, ChatPort, CommandHandler, Destination } from '../../src/index.js';
import { renderText } from './render-text.js';

/** The one local "channel" the console adapter delivers to and takes commands from. */
export const CONSOLE_DESTINATION: Destination = { platform: 'console', workspaceId: 'local', channelId: 'console' };

/**
 * Local chat for running without Slack or Teams: deliveries are printed, and when stdin is a
 * terminal a `privacy>` prompt takes the same commands as `/privacy` in Slack.
 */
export function createConsoleAdapter(options: { commands: CommandHandler; input: Readable & { isTTY?: boolean }; output: Writable; prompt?: boolean }) {
  const { output } = options;
  let rl: Interface | undefined;
  let hinted = false;
  const print = (text: string) => {
    output.write(`\n${text}\n`);
    rl?.prompt(true);
  };
  const port: ChatPort = {
    platform: 'console',
    async send(_destination, message: ChatMessage) {
      print(renderText(message));
      return { kind: 'sent', messageRef: null };
    },
  };
  return {
    port,
    /** Answers one line typed at the prompt ("/privacy latest ai" or just "latest ai"). */
    async answer(line: string): Promise<string> {
      const text = line.trim().replace(/^\/privacy\b\s*/, '');
      const reply = await options.commands.handle(text || 'help', { destination: CONSOLE_DESTINATION, userId: 'console', canManage: true });
      return renderText(reply);
    },
    start() {
      if (!(options.prompt ?? options.input.isTTY)) return;
      rl = createInterface({ input: options.input, output, prompt: 'privacy> ' });
      rl.on('line', (line) => {
        if (!line.trim()) return rl?.prompt();
        this.answer(line).then(print, (error: unknown) => print(`error: ${(error as Error).message}`));
      });
      // Ctrl-C at the prompt means "stop the bot", as it does without a prompt.
      rl.on('SIGINT', () => process.emit('SIGINT', 'SIGINT'));
    },
    /** Shows the prompt, once the start-up messages above it are printed (so they do not scroll it away). */
    ready() {
      if (!rl) return;
      if (!hinted) output.write('\nType a command at the prompt: help, latest, why #12, ...\n');
      hinted = true;
      rl.prompt(true);
    },
    stop() {
      rl?.close();
      rl = undefined;
    },
  };
}
