import { mkdtempSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/config/config-error.js';
import { loadEnv } from '../../src/config/env.js';
import { parseFeedsFile } from '../../src/config/feeds-config.js';
import { feedsJsonSchema } from '../../src/config/feeds-json-schema.js';
import { loadAppConfig } from '../../src/app/load-config.js';

function problemsOf(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error('expected a ConfigError');
}

describe('feeds.json validation', () => {
  it('accepts the minimal file from the README', () => {
    const file = parseFeedsFile('{"feeds":[{"id":"bbc-tech","url":"https://feeds.bbci.co.uk/news/technology/rss.xml"}]}');
    expect(file.feeds[0]?.id).toBe('bbc-tech');
  });

  it('names the file, the path and the problem for a bad URL', () => {
    const text = JSON.stringify({ feeds: [{ id: 'a', url: 'https://a.example/feed' }, { id: 'b', url: 'https://b.example/' }, { id: 'c', url: 'ftp://c.example/feed' }] });
    expect(problemsOf(() => parseFeedsFile(text, 'feeds.json'))).toBe('feeds.json: feeds[2].url: expected an http(s) URL');
  });

  it('reports duplicate ids with both positions', () => {
    const text = JSON.stringify({ feeds: [{ id: 'eff', url: 'https://eff.org/rss' }, { id: 'eff', url: 'https://eff.org/rss2' }] });
    expect(problemsOf(() => parseFeedsFile(text))).toContain('feeds[1].id: duplicate id "eff" (also feeds[0])');
  });

  it('reports text that is not JSON', () => {
    expect(problemsOf(() => parseFeedsFile('{"feeds": [', 'my-feeds.json'))).toMatch(/^my-feeds\.json: not valid JSON/);
  });

  it('rejects bad ids and unknown fields', () => {
    const text = JSON.stringify({ feeds: [{ id: 'BBC Tech', url: 'https://x.example/', colour: 'red' }] });
    const message = problemsOf(() => parseFeedsFile(text));
    expect(message).toContain('feeds[0].id: expected lowercase letters, digits and dashes');
    expect(message).toContain('colour');
  });

  it('rejects a feed default topic that is not in the taxonomy', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pr-config-'));
    const path = join(dir, 'feeds.json');
    writeFileSync(path, JSON.stringify({ feeds: [{ id: 'a', url: 'https://a.example/', topics: ['gdpr', 'gossip'] }] }));
    expect(problemsOf(() => loadAppConfig({ FEEDS_FILE: path }))).toContain('feeds[0].topics[1]: unknown topic "gossip"');
  });

  it('ships a valid default feeds.json whose generated JSON Schema is up to date', () => {
    const config = loadAppConfig({ FEEDS_FILE: 'feeds.json' });
    expect(config.feeds.length).toBeGreaterThanOrEqual(10);
    const committed = JSON.parse(readFileSync('feeds.schema.json', 'utf8'));
    expect(committed).toEqual(feedsJsonSchema());
  });
});

describe('environment validation', () => {
  it('applies defaults', () => {
    const env = loadEnv({});
    expect(env.PORT).toBe(3000);
    expect(env.FEEDS_FILE).toBe('./feeds.json');
    expect(env.ALLOW_PRIVATE_NETWORK).toEqual({ all: false, ranges: [] });
    expect(env.DATABASE_URL).toBeUndefined();
  });

  it('names each bad variable', () => {
    const message = problemsOf(() => loadEnv({ PORT: 'eighty', DIGEST_TIMEZONE: 'Mars/Olympus', SLACK_BOT_TOKEN: 'xoxb-1' }));
    expect(message).toContain('environment: PORT: expected a port number');
    expect(message).toContain('environment: DIGEST_TIMEZONE: expected an IANA time zone');
    expect(message).toContain('environment: SLACK_SIGNING_SECRET: required when Slack is enabled');
  });

  it('never echoes a secret value in its messages', () => {
    const message = problemsOf(() => loadEnv({ TEAMS_APP_ID: 'app', SLACK_BOT_TOKEN: 'xoxb-secret-value' }));
    expect(message).not.toContain('xoxb-secret-value');
  });
});
