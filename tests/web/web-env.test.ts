import { describe, expect, it } from 'vitest';
import { loadEnv } from '../../src/config/env.js';

/** WEB_ACCESS and WEB_TOKEN are validated like every other setting (exit 2 naming them). */
describe('web settings', () => {
  it('defaults to local and accepts the four modes', () => {
    expect(loadEnv({}).WEB_ACCESS).toBe('local');
    for (const mode of ['local', 'public', 'off'] as const) expect(loadEnv({ WEB_ACCESS: mode }).WEB_ACCESS).toBe(mode);
    expect(loadEnv({ WEB_ACCESS: 'token', WEB_TOKEN: 'a-long-enough-token-123' }).WEB_TOKEN).toBe('a-long-enough-token-123');
  });

  it('names a bad mode, a missing token and a short token', () => {
    expect(() => loadEnv({ WEB_ACCESS: 'open' })).toThrow(/WEB_ACCESS: expected local, token, public or off/);
    expect(() => loadEnv({ WEB_ACCESS: 'token' })).toThrow(/WEB_TOKEN: required when WEB_ACCESS=token/);
    expect(() => loadEnv({ WEB_ACCESS: 'token', WEB_TOKEN: 'short' })).toThrow(/WEB_TOKEN: must be at least 16 characters/);
  });
});
