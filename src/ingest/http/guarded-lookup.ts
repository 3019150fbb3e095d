/**
 * A dns.lookup replacement for the HTTP agent's connect step: it resolves with the injected (or
 * system) resolver and drops every answer the address guard refuses, so the socket can only
 * connect to an allowed address, even when DNS answers change between requests (rebinding).
 */
import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from 'node:dns';
import { BlockedAddressError, isAddressAllowed, type AddressPolicy } from './address-guard.js';

/** Node's dns.lookup shape with `all: true` (what tests inject to simulate DNS answers). */
export type LookupAll = (
  hostname: string,
  options: LookupOptions & { all: true },
  callback: (err: NodeJS.ErrnoException | null, addresses: LookupAddress[]) => void,
) => void;

/** The system resolver in the LookupAll shape. */
export const systemLookup: LookupAll = (hostname, options, callback) => dnsLookup(hostname, options, callback);

type NetLookupCallback = (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/** Builds the lookup function passed to net/tls.connect (supports both `all` modes). */
export function createGuardedLookup(policy: AddressPolicy, resolve: LookupAll = systemLookup) {
  return (hostname: string, options: LookupOptions, callback: NetLookupCallback): void => {
    resolve(hostname, { ...options, all: true }, (err, addresses) => {
      if (err) return callback(err, options.all ? [] : '', 0);
      const allowed = (addresses ?? []).filter((a) => isAddressAllowed(a.address, policy));
      if (allowed.length === 0) {
        const refused = addresses?.[0]?.address ?? 'no address';
        return callback(new BlockedAddressError(refused, hostname) as NodeJS.ErrnoException, options.all ? [] : '', 0);
      }
      if (options.all) return callback(null, allowed);
      const first = allowed[0] as LookupAddress;
      return callback(null, first.address, first.family);
    });
  };
}
