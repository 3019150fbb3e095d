/** A hand-written CommandHandler that records what the adapter passed and answers by script. */
import type { ChatMessage, CommandContext, CommandHandler } from '../../src/index.js';

export interface RecordingHandler extends CommandHandler {
  calls: Array<{ text: string; context: CommandContext }>;
  reply: (text: string, context: CommandContext) => ChatMessage | Promise<ChatMessage>;
}

/** Echoes the command unless a test sets `reply`. */
export function createRecordingHandler(): RecordingHandler {
  const handler: RecordingHandler = {
    calls: [],
    reply: (text) => ({ text: `echo: ${text}`, title: 'Echo', lines: [`you said ${text}`] }),
    handle: async (text, context) => {
      handler.calls.push({ text, context });
      return handler.reply(text, context);
    },
  };
  return handler;
}
