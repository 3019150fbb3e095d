import type { CliCommand } from '../cli-command.js';
import { digestCommand } from './digest.js';
import { latestCommand } from './latest.js';
import { migrateCommand } from './migrate.js';
import { searchCommand } from './search.js';
import { startCommand } from './start.js';

/** Every `privacy-radar` command, in the order `--help` lists them. */
export const commands: CliCommand[] = [startCommand, latestCommand, searchCommand, digestCommand, migrateCommand];
