import { describe, expect, it } from 'vitest';
import { checkSlackSignature, signSlackBody } from '../../adapters/slack/verify-signature.js';

/** The replay window at its exact edges, on an injected time (the HTTP tests use the real clock). */
describe('Slack signature replay window', () => {
  const secret = 'test-secret';
  const body = Buffer.from('command=%2Fprivacy&text=help');
  const at = 1_800_000_000;
  const check = (timestamp: number, nowSeconds: number) =>
    checkSlackSignature(secret, { 'x-slack-signature': signSlackBody(secret, timestamp, body), 'x-slack-request-timestamp': String(timestamp) }, body, nowSeconds * 1000);

  it('accepts up to 5 minutes of skew either way and refuses one second more', () => {
    expect(check(at - 300, at)).toEqual({ ok: true });
    expect(check(at + 300, at)).toEqual({ ok: true });
    expect(check(at - 301, at)).toEqual({ ok: false, reason: 'stale timestamp' });
    expect(check(at + 301, at)).toEqual({ ok: false, reason: 'stale timestamp' });
  });
});
