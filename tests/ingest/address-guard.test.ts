import type { LookupAddress } from 'node:dns';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchFeed } from '../../src/ingest/fetch-feed.js';
import { isAddressAllowed } from '../../src/ingest/http/address-guard.js';
import { request } from 'undici';
import { agentFor, releaseFetchAgent } from '../../src/ingest/http/feed-agent.js';
import { defaultFetchOptions } from '../../src/ingest/http/fetch-options.js';
import { createGuardedLookup, type LookupAll } from '../../src/ingest/http/guarded-lookup.js';
import { rssFeed, startFeedServer, type FeedServer } from './feed-server.js';

const guard = { allowPrivateNetwork: false };

describe('address ranges (R7)', () => {
  it.each([
    '127.0.0.1', '127.1.2.3', '10.0.0.1', '172.16.5.4', '192.168.1.1', '169.254.169.254', '100.64.0.1',
    '100.100.100.200', '0.0.0.0', '224.0.0.1', '::1', '::', 'fe80::1', 'fd00:ec2::254', 'fc00::1',
    '::ffff:127.0.0.1', '::ffff:169.254.169.254', '::ffff:a9fe:a9fe', '64:ff9b::a9fe:a9fe', 'not-an-ip',
  ])('refuses %s', (address) => {
    expect(isAddressAllowed(address, guard)).toBe(false);
  });

  it.each(['93.184.216.34', '8.8.8.8', '2606:4700:4700::1111', '::ffff:93.184.216.34'])('allows public %s', (address) => {
    expect(isAddressAllowed(address, guard)).toBe(true);
  });

  it('ALLOW_PRIVATE_NETWORK allows private ranges but not metadata; allowed ranges exempt only themselves', () => {
    expect(isAddressAllowed('10.0.0.1', { allowPrivateNetwork: true })).toBe(true);
    expect(isAddressAllowed('169.254.169.254', { allowPrivateNetwork: true })).toBe(false);
    const intranet = { allowPrivateNetwork: false, allowedRanges: ['10.1.0.0/16'] };
    expect(isAddressAllowed('10.1.2.3', intranet)).toBe(true);
    expect(isAddressAllowed('10.2.0.1', intranet)).toBe(false);
  });
});

describe('guarded DNS lookup (R7: rebinding)', () => {
  const answers = (list: string[]): LookupAll => (_host, _opts, cb) =>
    cb(null, list.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }) as LookupAddress));

  it('drops private answers and keeps public ones', async () => {
    const lookup = createGuardedLookup(guard, answers(['127.0.0.1', '93.184.216.34']));
    const result = await new Promise((resolve) => lookup('mixed.example', { all: true }, (err, addresses) => resolve({ err, addresses })));
    expect(result).toEqual({ err: null, addresses: [{ address: '93.184.216.34', family: 4 }] });
  });

  it('fails with blocked_address when every answer is private', async () => {
    const lookup = createGuardedLookup(guard, answers(['10.0.0.5']));
    const err = await new Promise<NodeJS.ErrnoException | null>((resolve) => lookup('internal.example', { all: false }, (e) => resolve(e)));
    expect(err?.code).toBe('ERR_BLOCKED_ADDRESS');
  });

  describe('through fetchFeed', () => {
    let server: FeedServer;
    beforeAll(async () => {
      server = await startFeedServer();
      server.serveStatic('/feed', rssFeed([1]));
    });
    afterAll(async () => {
      await server.close();
    });

    it('a name that answers public to a pre-check and loopback at connect time is refused', async () => {
      let calls = 0;
      const rebinding: LookupAll = (_host, _opts, cb) => {
        calls++;
        cb(null, [{ address: calls === 1 ? '93.184.216.34' : '127.0.0.1', family: 4 }]);
      };
      // What a naive validate-then-fetch guard would see: a public address.
      const preCheck = await new Promise<LookupAddress[]>((resolve) => rebinding('rebind.example', { all: true }, (_e, a) => resolve(a)));
      expect(isAddressAllowed(preCheck[0]!.address, guard)).toBe(true);
      const options = defaultFetchOptions({ lookup: rebinding, totalTimeoutMs: 1500 });
      const before = server.requests.length;
      const result = await fetchFeed({ url: `http://rebind.example:${server.port}/feed` }, options);
      expect(result).toMatchObject({ status: 'error', kind: 'blocked_address' });
      expect(calls).toBe(2); // the connect itself resolved again, through the guard
      expect(server.requests.length).toBe(before);
      await releaseFetchAgent(options);
    });

    it('the agent itself checks the address actually connected to (IP literals skip DNS)', async () => {
      const strict = defaultFetchOptions({ totalTimeoutMs: 1500 });
      const before = server.requests.length;
      // Straight to the agent, past fetchFeed's own IP-literal pre-check.
      const error = await request(server.url('/feed'), { dispatcher: agentFor(strict) }).then(() => null, (e: NodeJS.ErrnoException) => e);
      expect(error?.code).toBe('ERR_BLOCKED_ADDRESS');
      expect(server.requests.length).toBe(before);
      await releaseFetchAgent(strict);
    });

    it('the same name is fetched when the range is explicitly allowed', async () => {
      const options = defaultFetchOptions({ lookup: answers(['127.0.0.1']), allowedAddressRanges: ['127.0.0.0/8'], totalTimeoutMs: 1500 });
      expect((await fetchFeed({ url: `http://feeds.example:${server.port}/feed` }, options)).status).toBe('ok');
      await releaseFetchAgent(options);
    });
  });
});
