/**
 * A dispatcher stand-in for the kill test, run as its own process: waits for "go" on stdin,
 * then claims rows from the PostgreSQL outbox and POSTs each to the recording sink before
 * marking it sent. Exits when no row is left unsent. Settings come from the environment.
 */
import { createInterface } from 'node:readline';
import { createStore } from '../../src/store/create-store.js';

const { PG_URL, PG_SCHEMA, WORKER_ID = 'worker', SINK_URL, CLAIM_MS = '1000' } = process.env;
const store = createStore(PG_URL, { schema: PG_SCHEMA });
await store.migrate();
process.stdout.write('ready\n');
await new Promise<void>((resolve) => createInterface({ input: process.stdin }).once('line', () => resolve()));

for (;;) {
  const rows = await store.outbox.claim(WORKER_ID, 3, new Date(), Number(CLAIM_MS));
  if (rows.length === 0) {
    const open = (await store.outbox.list()).filter((row) => row.status !== 'sent' && row.status !== 'dead');
    if (open.length === 0) break;
    await new Promise((resolve) => setTimeout(resolve, 50));
    continue;
  }
  for (const row of rows) {
    const response = await fetch(SINK_URL!, { method: 'POST', body: JSON.stringify({ key: row.dedupKey, worker: WORKER_ID }) });
    await store.outbox.markSent(row.id, new Date(), await response.text());
  }
}
await store.close();
process.exit(0);
