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

describe('CLI contract', () => {
  const item = JSON.stringify({ title: 'Regulator fines hospital after data breach exposing patient records' });

  it('tag accepts --json and prints the same JSON lines as without it', async () => {
    const plain = await runCaptured(['tag'], { LOG_LEVEL: 'silent' }, `${item}\n`);
    const json = await runCaptured(['tag', '--json'], { LOG_LEVEL: 'silent' }, `${item}\n`);
    expect(json.code).toBe(0);
    expect(json.err).toBe(plain.err);
    expect(json.out).toBe(plain.out);
    expect(JSON.parse(json.out.trim()).topics).toContain('breach');
  });

  it.each([
    [{ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_CLIENT_ID: 'c', SLACK_CLIENT_SECRET: 's', SLACK_STATE_SECRET: 't' }, 'SLACK_BOT_TOKEN conflicts with SLACK_CLIENT_ID, SLACK_CLIENT_SECRET, SLACK_STATE_SECRET'],
    [{ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_CLIENT_SECRET: 's' }, 'SLACK_BOT_TOKEN conflicts with SLACK_CLIENT_SECRET'],
    [{ SLACK_APP_TOKEN: 'xapp-1', SLACK_CLIENT_ID: 'c', SLACK_CLIENT_SECRET: 's', SLACK_STATE_SECRET: 't' }, 'SLACK_APP_TOKEN conflicts with SLACK_CLIENT_ID'],
  ])('exits 2 naming conflicting Slack settings %o', async (slack, message) => {
    const { code, err } = await runCaptured(['latest'], { SLACK_SIGNING_SECRET: 'x', DATABASE_URL: ':memory:', LOG_LEVEL: 'silent', ...slack });
    expect(code).toBe(2);
    expect(err).toContain(`error: environment: ${message}`);
    expect(err).not.toMatch(/xoxb-1|xapp-1/); // names the settings, never their values
    expect(err).not.toMatch(/\n\s+at /);
  });
});

describe('CLI database errors', () => {
  it('exits 2 with a clear message for a corrupt SQLite file', async () => {
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const path = join(mkdtempSync(join(tmpdir(), 'pr-corrupt-')), 'radar.db');
    writeFileSync(path, 'this is not an SQLite database, just text that is long enough to look like a header'.repeat(20));
    const { code, err } = await runCaptured(['latest'], { DATABASE_URL: path, LOG_LEVEL: 'silent' });
    expect(code).toBe(2);
    expect(err).toMatch(/^error: database: /);
    expect(err).not.toMatch(/\n\s+at /);
  });

  it('exits 2 with a clear message when PostgreSQL is unreachable', async () => {
    const { code, err } = await runCaptured(['latest'], { DATABASE_URL: 'postgres://postgres@127.0.0.1:1/test', LOG_LEVEL: 'silent' });
    expect(code).toBe(2);
    expect(err).toMatch(/^error: database: /);
  });
});
