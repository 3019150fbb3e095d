/** A Store whose poll transactions fail at a chosen point, for all-or-nothing tests. */
import type { Store } from '../../src/store/store.js';

/** Where the fault strikes: right after that write inside the transaction, or at its commit. */
export type PollFault = 'items.insertNew' | 'items.setStory' | 'outbox.enqueue' | 'feeds.updateState' | 'commit';

/** The writes of a poll's transaction in order: each boundary between two stages, and the commit. */
export const POLL_FAULTS: readonly PollFault[] = ['items.insertNew', 'items.setStory', 'outbox.enqueue', 'feeds.updateState', 'commit'];

/** Wraps `store`; while armed, its next transaction throws at the fault and rolls back. */
export function withFault(store: Store): { store: Store; arm(fault: PollFault | null): void; tripped(): number } {
  let armed: PollFault | null = null;
  let tripped = 0;
  const strike = (fault: PollFault): never => {
    tripped += 1;
    throw new Error(`injected fault after ${fault}`);
  };
  const inject = (tx: Store, fault: PollFault): Store => {
    if (fault === 'commit') return tx;
    const [repo, method] = fault.split('.') as [keyof Store, string];
    const target = tx[repo] as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>;
    const faulty = { ...target, [method]: async (...args: unknown[]) => {
      await target[method]!(...args);
      return strike(fault);
    } };
    return { ...tx, [repo]: faulty };
  };
  const faulty: Store = {
    ...store,
    transaction: (fn) =>
      store.transaction(async (tx) => {
        const fault = armed;
        const result = await fn(fault ? inject(tx, fault) : tx);
        return fault === 'commit' ? strike(fault) : result;
      }),
  };
  return { store: faulty, arm: (fault) => void (armed = fault), tripped: () => tripped };
}
