/**
 * The process entry (`npm start`, `npm run cli`, the privacy-radar bin): the core's CLI with the
 * chat platforms plugged in. It lives outside src/ because it is where adapters meet the core.
 */
import { runCli } from '../../src/index.js';
import { createPlatforms } from './create-platforms.js';

runCli(process.argv.slice(2), process, createPlatforms).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`internal error: ${(error as Error).message}\n`);
    process.exitCode = 1;
  },
);
