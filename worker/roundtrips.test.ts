/**
 * Database round trips per request through the Worker: the built bundle in workerd, over HTTP to
 * the libSQL stand-in, which counts pipeline requests (on Workers each one is a network round trip
 * to Turso). A resident read or write, and a staff write, should take one. The few that take more
 * are held here at what they take today, so the count can only go down; `npm run bench`
 * (BENCH_ONLY=roundtrips) times them all with the database 20 ms away.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { roundTripCases } from '../bench/roundtrip-cases.ts';
import { countRoundTrips, type Rig, startRig } from '../bench/roundtrips.ts';

/** Requests still above one round trip, and what they take (see the bench's table for why). */
const notYetOne: Record<string, number> = {};

let rig: Rig;
beforeAll(async () => {
  rig = await startRig();
}, 120_000);
afterAll(() => rig?.close());

describe('database round trips per request through the Worker', () => {
  it.each(roundTripCases.map((c) => [c.name, c] as const))('%s', async (name, c) => {
    const { status, body, roundTrips } = await countRoundTrips(rig, c);
    expect(status, JSON.stringify(body)).toBeLessThan(300);
    expect(roundTrips).toBeLessThanOrEqual(notYetOne[name] ?? 1);
  });
});
