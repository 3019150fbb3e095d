/**
 * The `privacy-radar` CLI: `npm run --silent cli -- <command>`. Expected problems (bad config,
 * bad arguments, an unreachable database) print one clear line and exit 2; nothing prints a
 * stack trace unless LOG_LEVEL=debug.
 */
import { parseArgs } from 'node:util';
import { loadAppConfig, type AppConfig } from '../app/load-config.js';
import { createCore, type AppCore } from '../app/create-core.js';
import { ConfigError } from '../config/config-error.js';
import { commands } from './commands/index.js';
import { writeLine, type CliCommand, type CliContext } from './cli-command.js';
import { describeFatal } from './describe-fatal.js';
import type { PlatformFactory } from '../app/platforms.js';

function listCommands(): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    'Usage: privacy-radar <command> [options]   (npm run --silent cli -- <command>)',
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Run `privacy-radar <command> --help` for a command\'s options.',
  ].join('\n');
}

/** Runs one CLI invocation and returns the exit code (exported for tests). */
export async function runCli(
  argv: string[],
  io: Pick<CliContext, 'stdin' | 'stdout' | 'stderr'> = process,
  platforms?: PlatformFactory,
): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    writeLine(io.stdout, listCommands());
    return name ? 0 : 2;
  }
  const command: CliCommand | undefined = commands.find((c) => c.name === name);
  if (!command) {
    writeLine(io.stderr, `error: unknown command "${name}"\n\n${listCommands()}`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    writeLine(io.stdout, command.usage);
    return 0;
  }
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({ args: rest, options: command.options ?? {}, allowPositionals: true, strict: true });
  } catch (error) {
    writeLine(io.stderr, `error: ${(error as Error).message}\n\n${command.usage}`);
    return 2;
  }
  let config: AppConfig | undefined;
  let core: Promise<AppCore> | undefined;
  const context: CliContext = {
    ...io,
    values: parsed.values,
    positionals: parsed.positionals,
    platforms,
    config: () => (config ??= loadAppConfig()),
    core: () => (core ??= createCore(context.config())),
  };
  try {
    return await command.run(context);
  } catch (error) {
    const { message, exitCode } = describeFatal(error);
    writeLine(io.stderr, message);
    if (process.env.LOG_LEVEL === 'debug' && !(error instanceof ConfigError)) writeLine(io.stderr, String((error as Error).stack));
    return exitCode;
  } finally {
    if (core) await core.then((c) => c.close()).catch(() => undefined);
  }
}
