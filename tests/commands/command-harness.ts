import { afterEach, beforeEach } from 'vitest';
import { pino } from 'pino';
import type { ChatMessage } from '../../src/chat/message.js';
import type { CommandContext } from '../../src/commands/command-port.js';
import type { CommandDeps } from '../../src/commands/command-deps.js';
import { createCommandHandler } from '../../src/commands/create-command-handler.js';
import { createManualClock } from '../../src/core/clock.js';
import type { Destination } from '../../src/core/types.js';
import type { Store } from '../../src/store/store.js';
import { defaultTopics } from '../../src/tagging/taxonomy.js';
import { DIGEST_DEFAULTS, openTestStore, slackChannel } from '../delivery/store-harness.js';

/** A command handler on a real in-memory store, with a logger whose lines the test can read. */
export async function createCommandHarness(overrides: Partial<CommandDeps> = {}, store?: Store) {
  const realStore = store ?? (await openTestStore());
  const logLines: string[] = [];
  const logger = pino({ level: 'info' }, { write: (line: string) => void logLines.push(line) });
  const clock = createManualClock('2026-01-05T09:00:00Z');
  const deps: CommandDeps = { store: realStore, clock, logger, topics: defaultTopics(), digestDefaults: DIGEST_DEFAULTS, ...overrides };
  const handler = createCommandHandler(deps);
  const channel: Destination = slackChannel('C1');
  return {
    store: realStore,
    clock,
    logLines,
    channel,
    /** Runs a command as a manager of C1 (override canManage or destination per call). */
    run(text: string, context: Partial<CommandContext> = {}): Promise<ChatMessage> {
      return handler.handle(text, { destination: channel, userId: 'U1', canManage: true, ...context });
    },
  };
}

/** What createCommandHarness gives a test. */
export type CommandHarness = Awaited<ReturnType<typeof createCommandHarness>>;

/** A fresh default harness for each test of the enclosing describe (handed to `use`), closed after it. */
export function useCommandHarness(use: (harness: CommandHarness) => void): void {
  let harness: CommandHarness | undefined;
  beforeEach(async () => {
    harness = await createCommandHarness();
    use(harness);
  });
  afterEach(async () => {
    await harness?.store.close();
    harness = undefined;
  });
}

/** Everything a person would read in a reply, as one string. */
export function readable(message: ChatMessage): string {
  return [
    message.text,
    message.title,
    ...(message.lines ?? []),
    ...(message.fields ?? []).map((f) => `${f.label}: ${f.value}`),
    ...(message.items ?? []).map((i) => `${i.title} ${i.note ?? ''}`),
    ...(message.sections ?? []).flatMap((s) => [s.heading, ...s.items.map((i) => i.title)]),
    message.footer,
  ].join('\n');
}
