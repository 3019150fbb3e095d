import { describe, expect, it } from 'vitest';
import { runCaptured } from './run-captured.js';
import { commands } from '../../src/cli/commands/index.js';

describe('CLI', () => {
  it('lists every command with --help', async () => {
    const { code, out } = await runCaptured(['--help']);
    expect(code).toBe(0);
    for (const command of commands) expect(out).toContain(command.name);
  });

  it('gives every command a usage text', async () => {
    for (const command of commands) {
      const { code, out } = await runCaptured([command.name, '--help']);
      expect(code, command.name).toBe(0);
      expect(out, command.name).toMatch(/^Usage: privacy-radar /);
    }
  });

  it('exits 2 with the command list for an unknown command', async () => {
    const { code, err } = await runCaptured(['pol']);
    expect(code).toBe(2);
    expect(err).toContain('unknown command "pol"');
  });

  it('exits 2 naming an unknown option', async () => {
    const { code, err } = await runCaptured(['latest', '--limt', '3']);
    expect(code).toBe(2);
    expect(err).toContain("'--limt'");
  });

  it('exits 2 with the file, path and problem for a broken feeds.json', async () => {
    const { code, err } = await runCaptured(['latest'], { FEEDS_FILE: 'tests/foundation/fixtures/bad-feeds.json' });
    expect(code).toBe(2);
    expect(err).toContain('tests/foundation/fixtures/bad-feeds.json: feeds[1].url: expected an http(s) URL');
    expect(err).not.toMatch(/\n\s+at /); // no stack trace
  });
});
