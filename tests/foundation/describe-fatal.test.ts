import { describe, expect, it } from 'vitest';
import { describeFatal } from '../../src/cli/describe-fatal.js';
import { ConfigError } from '../../src/config/config-error.js';

describe('describeFatal', () => {
  it('turns operator-fixable problems into exit code 2 with one clear line', () => {
    expect(describeFatal(new ConfigError('feeds.json', ['feeds[0].url: expected an http(s) URL']))).toEqual({
      message: 'error: feeds.json: feeds[0].url: expected an http(s) URL',
      exitCode: 2,
    });
    expect(describeFatal(Object.assign(new Error('database file is not a database'), { code: 'store/corrupt' })).exitCode).toBe(2);
    expect(describeFatal(Object.assign(new Error('listen EADDRINUSE'), { code: 'EADDRINUSE' })).message).toContain('set PORT');
  });

  it('reports bugs as internal errors (exit 1) without a stack trace', () => {
    const result = describeFatal(new TypeError('x is undefined'));
    expect(result.exitCode).toBe(1);
    expect(result.message).toBe('internal error: x is undefined (run with LOG_LEVEL=debug for details)');
  });
});
