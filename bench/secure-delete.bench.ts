/**
 * Cost of SQLite `secure_delete = ON` (`npm run bench:secure-delete`): the store's write path
 * (enqueue, claim and mark-sent 10,000 outbox rows, as the dispatcher does) and the daily prune
 * that deletes them, on a temp file in WAL mode, against the same work with secure_delete OFF
 * measured in the same run. Best of 3 rounds each, alternating. Bounded; stops by itself.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openExecutor } from '../src/store/create-store.js';
import { createSqlStore } from '../src/store/sql-store.js';

const ROWS = Number(process.env.BENCH_ROWS ?? 10_000);
const ROUNDS = 3;

async function runOnce(secureDelete: boolean): Promise<{ write: number; prune: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-sd-'));
  const executor = openExecutor(join(dir, 'bench.db'));
  if (!secureDelete) await executor.exec('PRAGMA secure_delete = OFF');
  const store = createSqlStore(executor, null);
  await store.migrate();
  const start = new Date('2026-01-05T09:00:00Z');
  try {
    const t0 = performance.now();
    for (let batch = 0; batch < ROWS; batch += 500) {
      const entries = Array.from({ length: 500 }, (_, i) => ({
        dedupKey: `k${batch + i}`,
        destination: { platform: 'slack' as const, workspaceId: 'T1', channelId: `C${(batch + i) % 50}` },
        kind: 'item' as const,
        payload: { itemId: batch + i, title: 'x'.repeat(300) },
      }));
      await store.outbox.enqueue(entries, start);
    }
    for (;;) {
      const rows = await store.outbox.claim('bench', 500, start, 60_000);
      if (rows.length === 0) break;
      for (const row of rows) await store.outbox.markSent(row.id, start, null);
    }
    const t1 = performance.now();
    await store.prune(new Date(start.getTime() + 400 * 86_400_000), 365);
    const t2 = performance.now();
    if ((await store.outbox.list()).length !== 0) throw new Error('prune left rows behind');
    return { write: t1 - t0, prune: t2 - t1 };
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

const on = { write: Infinity, prune: Infinity };
const off = { write: Infinity, prune: Infinity };
for (let round = 0; round < ROUNDS; round++) {
  for (const [target, flag] of [[off, false], [on, true]] as const) {
    const result = await runOnce(flag);
    target.write = Math.min(target.write, result.write);
    target.prune = Math.min(target.prune, result.prune);
  }
}

const rows = [
  { figure: `enqueue+claim+markSent ${ROWS} rows (ms)`, on: on.write, off: off.write, target: 1.25 },
  { figure: `prune ${ROWS} sent rows (ms)`, on: on.prune, off: off.prune, target: 3 },
];
console.log(`secure_delete cost, SQLite WAL file, best of ${ROUNDS} (baseline: secure_delete OFF, same run)`);
console.log('| figure | secure_delete ON | OFF (baseline) | ratio | target ratio |');
console.log('|---|---|---|---|---|');
for (const row of rows) {
  const ratio = row.on / row.off;
  console.log(`| ${row.figure} | ${row.on.toFixed(0)} | ${row.off.toFixed(0)} | ${ratio.toFixed(2)} | ≤ ${row.target} ${ratio <= row.target ? 'met' : 'MISSED'} |`);
}
