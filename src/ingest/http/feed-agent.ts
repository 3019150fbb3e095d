/**
 * The undici Agent used for feed fetches: the guarded lookup on every connect, a final check of
 * the socket's actual remote address (IP literals skip DNS), connect timeout, keep-alive
 * pooling and at most 2 connections per origin (docs/ingestion.md R11). One agent per FetchOptions object.
 */
import type { Socket } from 'node:net';
import { Agent, buildConnector } from 'undici';
import { BlockedAddressError, isAddressAllowed, type AddressPolicy } from './address-guard.js';
import type { FetchOptions } from './fetch-options.js';
import { createGuardedLookup } from './guarded-lookup.js';

const agents = new WeakMap<FetchOptions, Agent>();

function policyOf(options: FetchOptions): AddressPolicy {
  return { allowPrivateNetwork: options.allowPrivateNetwork, allowedRanges: options.allowedAddressRanges };
}

function createAgent(options: FetchOptions): Agent {
  const policy = policyOf(options);
  const base = buildConnector({
    timeout: options.connectTimeoutMs,
    lookup: createGuardedLookup(policy, options.lookup),
  } as buildConnector.BuildOptions);
  const connect: buildConnector.connector = (opts, callback) =>
    base(opts, (err, socket) => {
      if (err || !socket) return callback(err ?? new Error('connect failed'), null);
      const remote = (socket as Socket).remoteAddress ?? '';
      if (!isAddressAllowed(remote, policy)) {
        socket.destroy();
        return callback(new BlockedAddressError(remote, opts.hostname), null);
      }
      return callback(null, socket);
    });
  return new Agent({
    connect,
    connections: 2,
    headersTimeout: options.totalTimeoutMs,
    bodyTimeout: options.totalTimeoutMs,
    keepAliveTimeout: 4_000,
  } as Agent.Options);
}

/** The shared agent for these options (created on first use). */
export function agentFor(options: FetchOptions): Agent {
  let agent = agents.get(options);
  if (!agent) {
    agent = createAgent(options);
    agents.set(options, agent);
  }
  return agent;
}

/** Closes the agent for these options (idle keep-alive sockets included): shutdown and tests. */
export async function releaseFetchAgent(options: FetchOptions): Promise<void> {
  const agent = agents.get(options);
  agents.delete(options);
  await agent?.destroy();
}
