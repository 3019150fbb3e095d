import { PassThrough, Readable } from 'node:stream';
import { runCli } from '../../src/cli/main.js';

/** Runs the CLI in-process, with `input` on stdin, and captures what it printed. */
export async function runCaptured(argv: string[], env?: Record<string, string>, input = '') {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (c) => (out += c));
  stderr.on('data', (c) => (err += c));
  const saved = { ...process.env };
  Object.assign(process.env, env);
  try {
    const code = await runCli(argv, { stdin: Readable.from([input]), stdout, stderr });
    return { code, out, err };
  } finally {
    process.env = saved;
  }
}
