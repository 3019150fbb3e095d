/** Injectable time source: tests drive schedules with a fake clock instead of sleeping. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock tests can set and advance by hand. */
export function createManualClock(start: Date | string = '2026-01-05T09:00:00Z'): Clock & {
  set(at: Date | string): void;
  advance(ms: number): void;
} {
  let current = new Date(start);
  return {
    now: () => new Date(current),
    set: (at) => {
      current = new Date(at);
    },
    advance: (ms) => {
      current = new Date(current.getTime() + ms);
    },
  };
}
