import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { createPgStore, noticePgSkipped, PG_URL } from './pg-schema.js';
import { slack } from './fixtures.js';

const WORKER = fileURLToPath(new URL('./outbox-worker.ts', import.meta.url));
const ROWS = 40;
const KILL_AT = 5; // worker a is killed while its 5th request is in flight

function startWorker(id: string, schema: string, sinkUrl: string): { child: ChildProcess; ready: Promise<void>; exited: Promise<{ code: number | null; signal: string | null }> } {
  const child = spawn(process.execPath, ['--import', 'tsx', WORKER], {
    env: { ...process.env, PG_URL, PG_SCHEMA: schema, WORKER_ID: id, SINK_URL: sinkUrl, CLAIM_MS: '1000' },
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const ready = new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => chunk.toString().includes('ready') && resolve());
    child.once('exit', () => reject(new Error(`worker ${id} exited before ready`)));
  });
  const exited = new Promise<{ code: number | null; signal: string | null }>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  return { child, ready, exited };
}

noticePgSkipped('postgres-kill.test.ts');
describe.skipIf(!PG_URL)('outbox with two processes, one killed mid-send', () => {
  const cleanups: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  it('sends every row exactly once, except the one in flight at the kill at most once more', async () => {
    const { store, schema, cleanup } = await createPgStore(undefined, true);
    cleanups.push(cleanup);
    const received: { key: string; worker: string }[] = [];
    let inFlightAtKill: string | null = null;
    const workers: Record<string, ReturnType<typeof startWorker>> = {};
    const sink: Server = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => {
        const message = JSON.parse(body) as { key: string; worker: string };
        received.push(message);
        // The platform got the message; its sender dies before it can record that.
        if (message.worker === 'a' && received.filter((m) => m.worker === 'a').length === KILL_AT) {
          inFlightAtKill = message.key;
          workers.a!.child.kill('SIGKILL');
          return;
        }
        setTimeout(() => res.end(`ref-${message.key}`), 5);
      });
    });
    await new Promise<void>((resolve) => sink.listen(0, '127.0.0.1', resolve));
    cleanups.push(() => new Promise<void>((resolve) => sink.close(() => resolve())));
    const sinkUrl = `http://127.0.0.1:${(sink.address() as AddressInfo).port}/`;

    await store.outbox.enqueue(
      Array.from({ length: ROWS }, (_, n) => ({ dedupKey: `row-${n}`, destination: slack('C1'), kind: 'item' as const, payload: { n } })),
      new Date(),
    );
    workers.a = startWorker('a', schema, sinkUrl);
    workers.b = startWorker('b', schema, sinkUrl);
    cleanups.push(() => void Object.values(workers).forEach((w) => w.child.exitCode === null && w.child.kill('SIGKILL')));
    await Promise.all([workers.a.ready, workers.b.ready]);
    for (const worker of Object.values(workers)) worker.child.stdin!.write('go\n');

    expect(await workers.a.exited).toEqual({ code: null, signal: 'SIGKILL' });
    expect(await workers.b.exited).toEqual({ code: 0, signal: null });

    const rows = await store.outbox.list();
    expect(rows.filter((row) => row.status !== 'sent')).toEqual([]);
    const counts = new Map<string, number>();
    for (const { key } of received) counts.set(key, (counts.get(key) ?? 0) + 1);
    expect(counts.size).toBe(ROWS);
    const duplicated = [...counts].filter(([, n]) => n > 1).map(([key]) => key);
    expect(inFlightAtKill).not.toBeNull();
    // The in-flight row was delivered but never marked sent: its claim expired and b sent it again.
    expect(duplicated).toEqual([inFlightAtKill]);
    expect(counts.get(inFlightAtKill!)).toBe(2);
    expect(received.filter((m) => m.worker === 'b').length).toBeGreaterThan(0);
  });
});
