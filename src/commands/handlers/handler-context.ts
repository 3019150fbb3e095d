import type { CommandContext } from '../command-port.js';
import type { CommandDeps } from '../command-deps.js';

/** What each command handler receives: the deps, who asked and where, and the time. */
export interface HandlerContext {
  deps: CommandDeps;
  context: CommandContext;
  now: Date;
}
