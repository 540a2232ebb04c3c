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
const notYetOne: Record<string, number> = {
  'sign-up page': 2,
  'board figures': 2,
  'Open311 services': 3,
  'Open311 requests': 2,
  'file a ticket': 4,
  'me too': 4,
  'sign up for an event': 4,
  'cancel a sign-up': 5,
  'request a home visit': 4,
  'file a wish': 4,
  'add information to a ticket': 2,
  'rate a resolved ticket': 2,
  'accept a ticket': 9,
  'start work on a ticket': 9,
  'claim a ticket': 9,
  'reply on a ticket': 9,
  'create an event': 11,
  'draft an article': 4,
  'publish an article': 4,
  'approve a home visit': 6,
  'answer a wish': 6,
  'file a ticket for a caller': 9,
};

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
