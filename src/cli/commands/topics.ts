import type { CliCommand, CliContext } from '../cli-command.js';
import { writeLine } from '../cli-command.js';
import { ConfigError } from '../../config/config-error.js';
import { formatTopicsText, listTopics } from '../../tagging/format-topics.js';
import { defaultTopics, type TopicDefinition } from '../../tagging/taxonomy.js';

/**
 * Topics for offline commands (tag, topics): those of the loaded config, or the built-in
 * taxonomy with a one-line note when the config cannot be loaded (these commands need no store).
 */
export function resolveTopics(ctx: CliContext): TopicDefinition[] {
  try {
    return ctx.config().topics;
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    writeLine(ctx.stderr, `note: using the built-in topics (config not loaded: ${error.message.split('\n')[0]})`);
    return defaultTopics();
  }
}

/** `privacy-radar topics [--json]`: the taxonomy in use (built-in plus feeds.json topics). */
export const topicsCommand: CliCommand = {
  name: 'topics',
  summary: 'List the topics (id, label, definition)',
  usage: `Usage: privacy-radar topics [--json]

  --json   print a JSON array of {id, label, definition}`,
  options: { json: { type: 'boolean' } },
  async run(ctx) {
    const topics = resolveTopics(ctx);
    writeLine(ctx.stdout, ctx.values.json ? JSON.stringify(listTopics(topics), null, 2) : formatTopicsText(topics));
    return 0;
  },
};
