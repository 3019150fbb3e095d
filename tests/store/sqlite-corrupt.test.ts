/**
 * A database corrupted deep inside (header and schema intact, so it opens) must not be retried and
 * logged every second: readiness fails with one clear reason, the failure is logged once, and the
 * file is re-checked after pauses that double up to a cap. Real SQLite file, pages overwritten in
 * the middle; time is the injected clock.
 */
import { closeSync, mkdtempSync, openSync, rmSync, statSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createManualClock } from '../../src/core/clock.js';
import { createLogger } from '../../src/core/logger.js';
import { createDispatcher } from '../../src/delivery/dispatcher.js';
import { createHealthRoutes } from '../../src/server/health-routes.js';
import { startHttpServer } from '../../src/server/http-server.js';
import { createMetrics } from '../../src/server/metrics.js';
import { createCorruptionGate } from '../../src/store/sqlite/corruption-gate.js';
import { createStore } from '../../src/store/create-store.js';
import { StoreError } from '../../src/store/store-error.js';

const NOW = new Date('2026-01-05T09:00:00Z');

/** Writes a real database with ~300 pages of outbox rows, then overwrites its middle fifth. */
async function corruptDatabase(file: string): Promise<void> {
  const store = createStore(file);
  await store.migrate();
  const entries = Array.from({ length: 3000 }, (_, i) => ({
    dedupKey: `k${i}`,
    destination: { platform: 'slack' as const, workspaceId: 'T1', channelId: `C${i % 7}` },
    kind: 'item' as const,
    payload: { itemId: i, pad: 'x'.repeat(200) },
  }));
  await store.outbox.enqueue(entries, NOW);
  await store.close(); // checkpoints the WAL into the file
  const page = 4096;
  const pages = Math.floor(statSync(file).size / page);
  const fd = openSync(file, 'r+');
  for (let p = Math.floor(pages * 0.4); p < Math.floor(pages * 0.6); p++) writeSync(fd, Buffer.alloc(page, 0xa5), 0, page, p * page);
  closeSync(fd);
}

function captureLogger() {
  const lines: string[] = [];
  const sink = new Writable({ write: (chunk, _e, done) => (lines.push(...String(chunk).split('\n').filter(Boolean)), done()) });
  return { logger: createLogger({ level: 'info', destination: sink }), lines };
}

describe('a database corrupted deep inside', () => {
  let dir: string;
  let file: string;
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'corrupt-'));
    file = join(dir, 'radar.db');
    await corruptDatabase(file);
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('fails /readyz with one clear reason and logs SQLITE_CORRUPT once, not every second', async () => {
    const clock = createManualClock(NOW);
    const { logger, lines } = captureLogger();
    const store = createStore(file, { clock, logger });
    const server = await startHttpServer({ port: 0, host: '127.0.0.1', routes: createHealthRoutes(store, createMetrics(), { mode: 'local' }), logger });
    const readyz = async () => {
      const res = await fetch(`http://127.0.0.1:${server.port}/readyz`);
      return { status: res.status, body: (await res.json()) as { reason?: string } };
    };
    try {
      expect((await readyz()).status).toBe(200); // it opened: the header and schema are intact
      const dispatcher = createDispatcher({ store, ports: [], clock, logger, options: { workerId: 'w' } });
      // A minute of the dispatcher's one-second loop, which logs each failed pass.
      let failures = 0;
      for (let second = 0; second < 60; second++) {
        await dispatcher.runOnce().catch((error: unknown) => {
          failures++;
          logger.error({ err: error }, 'dispatcher pass failed');
        });
        clock.advance(1_000);
      }
      expect(failures).toBe(60);
      const corruptLines = lines.filter((line) => /corrupt/i.test(line));
      expect(corruptLines).toHaveLength(1);
      expect(corruptLines[0]).toContain('SQLITE_CORRUPT');
      expect(JSON.parse(corruptLines[0]!).msg).toMatch(/^database is corrupt/);

      const ready = await readyz();
      expect(ready).toEqual({ status: 503, body: { status: 'unavailable', reason: 'database corrupt: restore it from a backup' } });
      expect(JSON.stringify(ready.body)).not.toContain(dir); // no file path to anonymous callers
      expect(lines.filter((line) => /corrupt/i.test(line))).toHaveLength(1);
    } finally {
      await server.close();
      await store.close();
    }
  });
});

describe('the corruption gate', () => {
  const corruptError = () => new StoreError('store/corrupt', 'The SQLite database at x is damaged (SQLITE_CORRUPT).');

  it('re-checks after pauses that double up to the cap, and resumes when a check passes', async () => {
    const clock = createManualClock(NOW);
    const { logger, lines } = captureLogger();
    let healthy = false;
    const checks: number[] = [];
    const gate = createCorruptionGate({
      clock,
      logger,
      backoff: { firstMs: 1_000, maxMs: 8_000 },
      check: async () => (checks.push(clock.now().getTime() - NOW.getTime()), healthy),
    });
    let operations = 0;
    const failing = () => gate.run(async () => (operations++, Promise.reject(corruptError())));
    await expect(failing()).rejects.toThrow('SQLITE_CORRUPT');
    for (let ms = 0; ms < 40_000; ms += 250) {
      clock.advance(250);
      await failing().catch(() => undefined);
    }
    // Pauses 1, 2, 4, 8, 8, 8 s... after the first failure at 0 s.
    expect(checks).toEqual([1_000, 3_000, 7_000, 15_000, 23_000, 31_000, 39_000]);
    expect(operations).toBe(1); // nothing touched the file between checks
    expect(gate.state()).toMatchObject({ corrupt: true, checks: 7 });

    healthy = true;
    clock.advance(8_000);
    expect(await gate.run(async () => 'answer')).toBe('answer');
    expect(gate.state()).toEqual({ corrupt: false });
    const messages = lines.map((line) => JSON.parse(line).msg as string);
    expect(messages).toEqual([expect.stringMatching(/^database is corrupt/), expect.stringMatching(/passed its integrity check again/)]);
  });
});
