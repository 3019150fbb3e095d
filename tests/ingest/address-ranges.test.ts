/**
 * ALLOW_PRIVATE_NETWORK as a flag or a CIDR list, the link-local/metadata rule, and IPv6 forms that
 * embed an IPv4 address. Only the decision function and the guarded lookup with a fake resolver
 * are exercised: no socket is ever opened to these addresses.
 */
import type { LookupAddress } from 'node:dns';
import { describe, expect, it } from 'vitest';
import { isAddressAllowed, type AddressPolicy } from '../../src/ingest/http/address-guard.js';
import { createGuardedLookup, type LookupAll } from '../../src/ingest/http/guarded-lookup.js';
import { loadEnv } from '../../src/config/env.js';
import { ConfigError } from '../../src/config/config-error.js';
import { runCaptured } from '../foundation/run-captured.js';

const strict: AddressPolicy = { allowPrivateNetwork: false };
const open: AddressPolicy = { allowPrivateNetwork: true };

describe('IPv6 forms embedding an IPv4 address are judged as that IPv4 address', () => {
  it.each([
    ['IPv4-compatible loopback', '::7f00:1'],
    ['IPv4-compatible loopback, dotted', '::127.0.0.1'],
    ['IPv4-compatible private', '::a00:1'],
    ['IPv4-compatible metadata', '::a9fe:a9fe'],
    ['NAT64 loopback', '64:ff9b::7f00:1'],
    ['NAT64 private', '64:ff9b::10.0.0.1'],
    ['6to4 loopback', '2002:7f00:1::1'],
    ['6to4 private', '2002:c0a8:101::1'],
    ['6to4 metadata', '2002:a9fe:a9fe::1'],
  ])('refuses %s (%s)', (_name, address) => {
    expect(isAddressAllowed(address, strict)).toBe(false);
  });

  it('ALLOW_PRIVATE_NETWORK=true still refuses metadata hidden in NAT64, 6to4 or IPv4-compatible form', () => {
    for (const address of ['64:ff9b::a9fe:a9fe', '2002:a9fe:a9fe::1', '::a9fe:a9fe', '::ffff:100.100.100.200', '64:ff9b::6464:64c8']) {
      expect(isAddressAllowed(address, open), address).toBe(false);
    }
    expect(isAddressAllowed('::7f00:1', open)).toBe(true);
  });
});

describe('link-local and cloud metadata addresses', () => {
  const sensitive = [
    '169.254.169.254', '169.254.0.1', '::ffff:169.254.169.254', '::ffff:a9fe:a9fe',
    'fd00:ec2::254', '100.100.100.200', '::ffff:100.100.100.200', 'fe80::1', '168.63.129.16',
  ];

  it.each(sensitive)('are refused with ALLOW_PRIVATE_NETWORK=true: %s', (address) => {
    expect(isAddressAllowed(address, open)).toBe(false);
  });

  it('are refused when a listed range merely contains them', () => {
    const wide: AddressPolicy = { allowPrivateNetwork: false, allowedRanges: ['0.0.0.0/0', '::/0', '100.64.0.0/10', 'fd00::/8'] };
    for (const address of sensitive) expect(isAddressAllowed(address, wide), address).toBe(false);
    expect(isAddressAllowed('10.1.2.3', wide)).toBe(true);
    expect(isAddressAllowed('100.64.0.1', wide)).toBe(true);
  });

  it('are allowed when a listed range names them', () => {
    const named: AddressPolicy = { allowPrivateNetwork: true, allowedRanges: ['169.254.0.0/16', 'fd00:ec2::254/128', '100.100.100.200/32'] };
    for (const address of ['169.254.169.254', '::ffff:169.254.169.254', 'fd00:ec2::254', '100.100.100.200']) {
      expect(isAddressAllowed(address, named), address).toBe(true);
    }
    expect(isAddressAllowed('fe80::1', named)).toBe(false);
  });

  it('ALLOW_PRIVATE_NETWORK=true still allows loopback and private addresses', () => {
    for (const address of ['127.0.0.1', '::1', '10.0.0.1', '192.168.1.1', 'fd12::1', '::ffff:127.0.0.1']) {
      expect(isAddressAllowed(address, open), address).toBe(true);
    }
  });

  it('a list allows only its ranges, in both address forms', () => {
    const listed: AddressPolicy = { allowPrivateNetwork: false, allowedRanges: ['127.0.0.0/8', '10.0.0.0/8'] };
    expect(isAddressAllowed('127.0.0.1', listed)).toBe(true);
    expect(isAddressAllowed('::ffff:127.0.0.1', listed)).toBe(true);
    expect(isAddressAllowed('10.9.9.9', listed)).toBe(true);
    expect(isAddressAllowed('192.168.1.1', listed)).toBe(false);
    expect(isAddressAllowed('::1', listed)).toBe(false);
    expect(isAddressAllowed('93.184.216.34', listed)).toBe(true);
  });
});

describe('the guarded DNS lookup (fake resolver, no connection)', () => {
  const answers = (list: string[]): LookupAll => (_host, _opts, cb) =>
    cb(null, list.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }) as LookupAddress));
  const lookupWith = (policy: AddressPolicy, list: string[]) =>
    new Promise<{ err: NodeJS.ErrnoException | null; addresses: unknown }>((resolve) =>
      createGuardedLookup(policy, answers(list))('feeds.example', { all: true }, (err, addresses) => resolve({ err, addresses })),
    );

  it('with ALLOW_PRIVATE_NETWORK=true drops a metadata answer and keeps a private one', async () => {
    const result = await lookupWith(open, ['169.254.169.254', 'fd00:ec2::254', '64:ff9b::a9fe:a9fe', '10.0.0.7']);
    expect(result).toEqual({ err: null, addresses: [{ address: '10.0.0.7', family: 4 }] });
  });

  it('refuses a name that resolves only to metadata or IPv4-compatible loopback', async () => {
    expect((await lookupWith(open, ['100.100.100.200', '::ffff:169.254.169.254'])).err?.code).toBe('ERR_BLOCKED_ADDRESS');
    expect((await lookupWith(strict, ['::7f00:1'])).err?.code).toBe('ERR_BLOCKED_ADDRESS');
  });

  it('with a CIDR list keeps only the listed private answers', async () => {
    const policy: AddressPolicy = { allowPrivateNetwork: false, allowedRanges: ['10.0.0.0/8'] };
    expect(await lookupWith(policy, ['192.168.0.2', '10.0.0.2'])).toEqual({ err: null, addresses: [{ address: '10.0.0.2', family: 4 }] });
  });
});

describe('ALLOW_PRIVATE_NETWORK in the environment', () => {
  it('a flag turns the private network on or off', () => {
    expect(loadEnv({}).ALLOW_PRIVATE_NETWORK).toEqual({ all: false, ranges: [] });
    expect(loadEnv({ ALLOW_PRIVATE_NETWORK: 'true' }).ALLOW_PRIVATE_NETWORK).toEqual({ all: true, ranges: [] });
    expect(loadEnv({ ALLOW_PRIVATE_NETWORK: '0' }).ALLOW_PRIVATE_NETWORK).toEqual({ all: false, ranges: [] });
  });

  it('a comma-separated CIDR list allows only those ranges', () => {
    expect(loadEnv({ ALLOW_PRIVATE_NETWORK: '127.0.0.0/8, 10.0.0.0/8,fd00:ec2::254/128' }).ALLOW_PRIVATE_NETWORK).toEqual({
      all: false,
      ranges: ['127.0.0.0/8', '10.0.0.0/8', 'fd00:ec2::254/128'],
    });
  });

  it.each(['10.0.0.0/33', '10.0.0/8', 'intranet', '127.0.0.0/8,,', 'true,10.0.0.0/8'])('an invalid value %s is a config error naming it', (value) => {
    let error: unknown;
    try {
      loadEnv({ ALLOW_PRIVATE_NETWORK: value });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    expect(message).toContain('ALLOW_PRIVATE_NETWORK');
    expect(message).toMatch(/CIDR/);
  });
});

it('the CLI exits 2 naming the bad ALLOW_PRIVATE_NETWORK value', async () => {
  const { code, err } = await runCaptured(['poll', '--once'], { ALLOW_PRIVATE_NETWORK: '10.0.0.0/8,intranet', LOG_LEVEL: 'silent' });
  expect(code).toBe(2);
  expect(err).toContain('environment: ALLOW_PRIVATE_NETWORK: "intranet" is not a CIDR range');
  expect(err).not.toMatch(/\bat .*\.ts:\d+/); // no stack trace
});
