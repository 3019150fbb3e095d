import type { CliCommand } from '../cli-command.js';
import { adminChannelCommand } from './admin-channel.js';
import { digestCommand } from './digest.js';
import { feedbackCommand } from './feedback.js';
import { feedsCommand } from './feeds.js';
import { latestCommand } from './latest.js';
import { migrateCommand } from './migrate.js';
import { pollCommand } from './poll.js';
import { searchCommand } from './search.js';
import { purgeCommand } from './purge.js';
import { startCommand } from './start.js';
import { tagCommand } from './tag.js';
import { topicsCommand } from './topics.js';
import { whyCommand } from './why.js';

/** Every `privacy-radar` command, in the order `--help` lists them. */
export const commands: CliCommand[] = [startCommand, pollCommand, feedsCommand, latestCommand, searchCommand, digestCommand, migrateCommand, purgeCommand, adminChannelCommand, topicsCommand, tagCommand, feedbackCommand, whyCommand];
