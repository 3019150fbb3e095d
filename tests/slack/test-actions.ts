/** The real action handler over a test store (the built-in topics, a Monday 09:00 UTC digest). */
import type { ActionHandler, Clock, Store } from '../../src/index.js';
import { systemClock } from '../../src/core/clock.js';
import { createSilentLogger } from '../../src/core/logger.js';
import { createActionHandler } from '../../src/commands/create-action-handler.js';
import { createCommandHandler } from '../../src/commands/create-command-handler.js';
import type { CommandDeps } from '../../src/commands/command-deps.js';
import { defaultTopics } from '../../src/tagging/taxonomy.js';

/** The digest a new channel gets in tests. */
export const TEST_DIGEST = { enabled: true, weekday: 1, time: '09:00', timeZone: 'UTC' };

/** Command deps as the composition root builds them, over `store`. */
export function testCommandDeps(store: Store, clock: Clock = systemClock): CommandDeps {
  return { store, clock, logger: createSilentLogger(), topics: defaultTopics(), digestDefaults: TEST_DIGEST };
}

/** The real action handler. */
export function createTestActions(store: Store, clock: Clock = systemClock): ActionHandler {
  return createActionHandler(testCommandDeps(store, clock));
}

/** The real command handler (same deps as the action handler). */
export function createTestCommands(store: Store, clock: Clock = systemClock) {
  return createCommandHandler(testCommandDeps(store, clock));
}
