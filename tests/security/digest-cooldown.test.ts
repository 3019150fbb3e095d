/** `digest now` posts to the whole channel, so each channel may use it once per ten minutes. */
import { afterEach, expect, it } from 'vitest';
import type { ChatMessage } from '../../src/chat/message.js';
import type { Destination } from '../../src/core/types.js';
import { slackChannel } from '../delivery/store-harness.js';
import { createCommandHarness } from '../commands/command-harness.js';

let h: Awaited<ReturnType<typeof createCommandHarness>>;
afterEach(async () => h.store.close());

it('a second `digest now` within ten minutes is refused with the time it can be used again; other channels are not affected', async () => {
  const posted: string[] = [];
  h = await createCommandHarness({
    digest: {
      preview: async (): Promise<ChatMessage> => ({ text: 'preview' }),
      sendNow: async (d: Destination): Promise<ChatMessage> => (posted.push(d.channelId), { text: 'Digest posted.' }),
    },
  });
  await h.run('subscribe ai');
  await h.run('digest weekly mon 09:00 Europe/Berlin');
  await h.run('subscribe gdpr', { destination: slackChannel('C2') });

  expect((await h.run('digest now')).text).toBe('Digest posted.');
  h.clock.advance(3 * 60_000);
  const refused = await h.run('digest now');
  expect(refused.text).toBe('A digest was posted here at 10:00 (Europe/Berlin). `digest now` can be used again at 10:10, in 7 minutes.');
  expect(refused.visibility).toBe('private');
  expect((await h.run('digest now', { destination: slackChannel('C2') })).text).toBe('Digest posted.');
  expect((await h.run('digest preview')).text).toBe('preview'); // previews are private: no cooldown

  h.clock.advance(7 * 60_000 - 1);
  expect((await h.run('digest now')).text).toContain('in 1 minute');
  h.clock.advance(1);
  expect((await h.run('digest now')).text).toBe('Digest posted.');
  expect(posted).toEqual(['C1', 'C2', 'C1']);
});
