import { describe, expect, it } from 'vitest';
import { repeatWithoutOverlap } from './robots-loop.ts';

describe('the Node entry’s minute loop', () => {
  it('never starts a round while the last one is still running, and stops when told', async () => {
    let running = 0;
    let most = 0;
    let rounds = 0;
    const stop = repeatWithoutOverlap(async () => {
      running++;
      most = Math.max(most, running);
      rounds++;
      // A round far slower than the interval (a robot taking its time to answer).
      await new Promise((resolve) => setTimeout(resolve, 30));
      running--;
    }, 5);
    await new Promise((resolve) => setTimeout(resolve, 200));
    stop();
    const done = rounds;
    await new Promise((resolve) => setTimeout(resolve, 80));
    expect(most).toBe(1);
    expect(done).toBeGreaterThanOrEqual(3);
    expect(rounds - done).toBeLessThanOrEqual(1);
  });

  it('keeps going after a round fails', async () => {
    let rounds = 0;
    const stop = repeatWithoutOverlap(async () => {
      rounds++;
      throw new Error('database away');
    }, 5);
    await new Promise((resolve) => setTimeout(resolve, 60));
    stop();
    expect(rounds).toBeGreaterThanOrEqual(2);
  });
});
