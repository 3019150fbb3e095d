import type { ParseArgsConfig, parseArgs } from 'node:util';
import type { Readable, Writable } from 'node:stream';
import type { AppCore } from '../app/create-core.js';
import type { AppConfig } from '../app/load-config.js';
import type { PlatformFactory } from '../app/platforms.js';

/** What every CLI command gets: its parsed arguments, streams, and lazy access to the app. */
export interface CliContext {
  values: ReturnType<typeof parseArgs>['values'];
  positionals: string[];
  stdin: Readable;
  stdout: Writable;
  stderr: Writable;
  /** Validated environment and feeds.json (throws ConfigError → exit 2). */
  config(): AppConfig;
  /** The migrated store, tagger, poller and the rest; closed by main after the command. */
  core(): Promise<AppCore>;
  /** Chat platforms (Slack, Teams, console), injected by the process entry outside src/. */
  platforms?: PlatformFactory;
}

/** One `privacy-radar <name>` command. */
export interface CliCommand {
  name: string;
  /** One line for the command list. */
  summary: string;
  /** Full usage text for `<name> --help`. */
  usage: string;
  options?: ParseArgsConfig['options'];
  /** Returns the process exit code. */
  run(context: CliContext): Promise<number>;
}

/** Writes one line to a stream. */
export function writeLine(stream: Writable, line = ''): void {
  stream.write(`${line}\n`);
}
