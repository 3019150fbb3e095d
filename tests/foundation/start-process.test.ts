import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { freePort } from './free-port.js';

/** `privacy-radar start` as a real process: serves health and metrics, stops cleanly on SIGTERM. */
describe('start as a process', () => {
  it('answers /healthz, /readyz and /metrics, then exits 0 within 10 s of SIGTERM', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pr-start-'));
    // A feed on a closed loopback port: it fails with a typed error and the bot keeps running.
    writeFileSync(join(dir, 'feeds.json'), JSON.stringify({ feeds: [{ id: 'unreachable', url: 'http://127.0.0.1:9/feed.xml' }] }));
    const port = await freePort();
    const child = spawn(process.execPath, ['--import', 'tsx', 'adapters/runtime/bin.ts', 'start'], {
      env: { ...process.env, PORT: String(port), DATABASE_URL: join(dir, 'radar.db'), FEEDS_FILE: join(dir, 'feeds.json'), ALLOW_PRIVATE_NETWORK: '1', LOG_LEVEL: 'info' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let logs = '';
    let printed = '';
    child.stderr.on('data', (chunk) => (logs += chunk));
    child.stdout.on('data', (chunk) => (printed += chunk));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    try {
      let health = 0;
      for (let i = 0; i < 150 && health !== 200; i++) {
        health = await fetch(`http://127.0.0.1:${port}/healthz`).then((r) => r.status, () => 0);
        if (health !== 200) await new Promise((r) => setTimeout(r, 100));
      }
      expect(health, logs).toBe(200);
      expect((await fetch(`http://127.0.0.1:${port}/readyz`)).status).toBe(200);
      // The radar pages are on (local by default) and their address is printed once start-up ends.
      for (let i = 0; i < 100 && !printed.includes('Radar pages'); i++) await new Promise((r) => setTimeout(r, 100));
      expect(printed).toContain(`Radar pages: http://localhost:${port}/`);
      expect((await fetch(`http://127.0.0.1:${port}/`)).status).toBe(200);
      // The boot poll records the unreachable feed's error kind.
      let metrics = '';
      for (let i = 0; i < 50 && !metrics.includes('privacy_radar_feed_failures_total{kind="connect"}'); i++) {
        metrics = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
        await new Promise((r) => setTimeout(r, 100));
      }
      for (const name of ['privacy_radar_feeds_polled_total', 'privacy_radar_feed_failures_total', 'privacy_radar_items_stored_total', 'privacy_radar_deliveries_total', 'privacy_radar_command_duration_seconds']) {
        expect(metrics).toContain(name);
      }
      expect(metrics).toContain('privacy_radar_feed_failures_total{kind="connect"} 1');
      const stopAsked = Date.now();
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
      expect(Date.now() - stopAsked).toBeLessThan(10_000);
      expect(logs).toContain('privacy radar stopped');
    } finally {
      child.kill('SIGKILL');
    }
  });
});
