import { describe, expect, it } from 'vitest';
import { createAckFirstLane } from '../../adapters/slack/ack-first-lane.js';

describe('ack-first lane', () => {
  it('runs tasks one at a time, in order, each after pending I/O had a turn', async () => {
    const lane = createAckFirstLane();
    const log: string[] = [];
    const task = (name: string) => async () => {
      log.push(`start ${name}`);
      await Promise.resolve();
      log.push(`end ${name}`);
      return name;
    };
    const results = await Promise.all([lane(task('a')), lane(task('b')), lane(task('c'))]);
    expect(results).toEqual(['a', 'b', 'c']);
    expect(log).toEqual(['start a', 'end a', 'start b', 'end b', 'start c', 'end c']);
  });

  it('does not start a task synchronously (the caller can finish its ack first)', async () => {
    const lane = createAckFirstLane();
    let started = false;
    const done = lane(async () => {
      started = true;
    });
    expect(started).toBe(false);
    await done;
    expect(started).toBe(true);
  });

  it('propagates a failing task and keeps going', async () => {
    const lane = createAckFirstLane();
    await expect(lane(async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(lane(async () => 'next')).resolves.toBe('next');
  });

  it('releases the slot of a task that hangs, so later tasks still run', async () => {
    const lane = createAckFirstLane(1, 20);
    let finishHung!: () => void;
    const hung = lane(() => new Promise<string>((resolve) => (finishHung = () => resolve('late'))));
    await expect(lane(async () => 'quick')).resolves.toBe('quick');
    finishHung();
    await expect(hung).resolves.toBe('late');
  });
});
