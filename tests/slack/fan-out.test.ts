import { describe, expect, it } from 'vitest';
import { runFanOut } from './fan-out.js';

// The full 2,000-channel run takes ~25 s on a loaded 2-core machine, so it lives in
// `npm run bench:commands` (figures in docs/slack.md); this test runs the same scenario at 500.
describe('fan-out through the real dispatcher and Slack ChatPort', () => {
  it('delivers one new item to 500 channels exactly once despite 429s', async () => {
    const result = await runFanOut(500, 10);
    expect(result.unfinished).toBe(0);
    expect(result.perChannel.size).toBe(500);
    expect([...result.perChannel.values()].every((n) => n === 1)).toBe(true);
    expect(result.rateLimited).toBe(50);
    // The rate-limited channels were retried after Retry-After, which took dispatcher-clock time.
    expect(result.simulatedMs).toBeGreaterThanOrEqual(1000);
  }, 60_000);
});
