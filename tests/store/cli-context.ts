import { PassThrough } from 'node:stream';
import { parseArgs } from 'node:util';
import type { AppCore } from '../../src/app/create-core.js';
import type { CliCommand, CliContext } from '../../src/cli/cli-command.js';
import type { Store } from '../../src/store/store.js';

/** Runs a CLI command object with captured output and a core holding just a store and topics. */
export async function runCommand(command: CliCommand, args: string[], store?: Store): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const parsed = parseArgs({ args, options: command.options ?? {}, allowPositionals: true, strict: true });
  const core = { store, topics: ['ai', 'gdpr', 'biometrics', 'lawsuit'].map((id) => ({ id })) } as unknown as AppCore;
  const context: CliContext = {
    values: parsed.values,
    positionals: parsed.positionals,
    stdin: new PassThrough(),
    stdout,
    stderr,
    config: () => {
      throw new Error('config not available in this test');
    },
    core: async () => core,
  };
  const code = await command.run(context);
  return { code, stdout: out, stderr: err };
}
