import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BACKLOG } from '../../demo/sample-items.js';

/** `npm run demo` as a new user runs it: the printed address shows the demo's stories and healthy sources. */
describe('the demo and its pages', () => {
  it('prints the pages address; it lists the sample stories, a story shows its topic reasons, /sources the sample feeds healthy', { timeout: 90_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pr-demo-web-'));
    const child = spawn(process.execPath, ['--import', 'tsx', 'demo/run-demo.ts'], {
      env: { ...process.env, PORT: '0', DATABASE_URL: join(dir, 'demo.db'), DEMO_SECONDS: '80', DEMO_PUBLISH_MS: '600000', WEB_ACCESS: 'local', LOG_LEVEL: 'warn' },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
    try {
      let address: string | undefined;
      for (let i = 0; i < 600 && !address; i++) {
        address = /Radar pages: (http:\/\/localhost:\d+\/)/.exec(output)?.[1];
        if (!address) await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect(address, output).toBeDefined();
      const base = address!.replace('localhost', '127.0.0.1');
      const home = await (await fetch(base)).text();
      for (const item of BACKLOG) expect(home).toContain(item.title.replace(/&/g, '&amp;').slice(0, 40));
      const storyPath = /href="(\/stories\/\d+)"/.exec(home)![1]!;
      const story = await (await fetch(new URL(storyPath, base))).text();
      expect(story).toMatch(/<dl class="why"[^>]*><dt>/);
      const sources = await (await fetch(new URL('/sources', base))).text();
      expect(sources.match(/>Healthy</g)).toHaveLength(3);
    } finally {
      child.kill('SIGTERM');
      await exited;
    }
  });
});
