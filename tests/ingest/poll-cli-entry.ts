/**
 * The CLI process entry without chat platforms (a poll never needs them): what
 * adapters/runtime/bin.ts runs, minus the Slack and Teams SDKs that would triple start-up time.
 */
import { runCli } from '../../src/cli/main.js';

runCli(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`internal error: ${(error as Error).message}\n`);
    process.exitCode = 1;
  },
);
