import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCommandHandler } from '../../src/commands/create-command-handler.js';
import { createSilentLogger } from '../../src/core/logger.js';
import { createDigestActions } from '../../src/digest/digest-actions.js';
import { createDigestScheduler } from '../../src/digest/digest-scheduler.js';
import { defaultDigestSchedule } from '../../src/digest/digest-schedule.js';
import { renderDigestRow } from '../../src/digest/render-digest-row.js';
import { createStore } from '../../src/store/create-store.js';
import { defaultTopics } from '../../src/tagging/index.js';
import type { Store } from '../../src/store/store.js';
import { addItem, CHANNEL, clockAt, DAY, DIGEST_TIME, prepareChannel, tagged, TOPICS } from './digest-fixtures.js';

// `digest preview` and `digest now` through the real command core, wired as the app wires them.
let store: Store;
beforeEach(async () => {
  store = createStore(':memory:');
  await store.migrate();
  await prepareChannel(store);
  const at = new Date(DIGEST_TIME.getTime() - DAY);
  await addItem(store, 'eff', tagged('e1', 'Clearview AI sued over face scans', ['ai', 'lawsuit'], at), at);
  await addItem(store, 'bbc', tagged('b1', 'Court rules on NSO spyware case', ['lawsuit'], at), at);
});
afterEach(async () => store.close());

function handler(now: Date) {
  const clock = clockAt(now);
  const deps = { store, clock, topics: TOPICS };
  return createCommandHandler({ store, clock, logger: createSilentLogger(), topics: defaultTopics(), digestDefaults: defaultDigestSchedule('Europe/Berlin'), digest: createDigestActions(deps) });
}
const context = { destination: CHANNEL, userId: 'U1', canManage: true };

describe('digest commands', () => {
  it('previews privately exactly the sections the channel then receives at its digest time', async () => {
    const before = new Date(DIGEST_TIME.getTime() - 60_000);
    const preview = await handler(before).handle('digest preview', context);
    expect(preview.visibility).toBe('private');
    expect(preview.sections?.map((s) => s.heading)).toEqual(['AI & automated decisions', 'Litigation & court rulings']);

    const clock = clockAt(DIGEST_TIME);
    await createDigestScheduler({ store, clock, logger: createSilentLogger(), leaseHolder: 'a' }).runDue();
    const [row] = (await store.outbox.list()).filter((r) => r.kind === 'digest');
    const sent = await renderDigestRow(row!, { store, clock, topics: TOPICS });
    expect(sent?.visibility).toBe('public');
    expect(sent?.sections).toEqual(preview.sections);
  });

  it('posts the digest now through the outbox and confirms to the asker', async () => {
    const reply = await handler(DIGEST_TIME).handle('digest now', context);
    expect(reply.text).toContain('on its way');
    expect((await store.outbox.list()).filter((r) => r.kind === 'digest')).toHaveLength(1);
  });

  it('`digest now` with nothing new since the last digest tells the asker and posts nothing', async () => {
    await handler(DIGEST_TIME).handle('digest now', context);
    const again = await handler(new Date(DIGEST_TIME.getTime() + 60_000)).handle('digest now', context);
    expect(again.visibility).toBe('private');
    expect(again.text).toMatch(/^Nothing new for this channel since Mon \d+ \w+, \d\d:\d\d \(Europe\/Berlin\), so no digest was posted\.$/);
    expect((await store.outbox.list()).filter((r) => r.kind === 'digest')).toHaveLength(1);
  });
});
