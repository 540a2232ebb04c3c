import { and, eq, sum } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventSignups } from '../../schema/index.ts';
import { type EventsApp, eventsApp } from './test-helpers.ts';

/** Capacity under concurrent sign-ups, and the waitlist moving up as residents leave. */
let e: EventsApp;
beforeAll(async () => {
  e = await eventsApp();
});
afterAll(() => e.t.cleanup());

const seatsBy = async (eventId: number, status: 'confirmed' | 'waitlisted') =>
  Number(
    (
      await e.t.db
        .select({ n: sum(eventSignups.seats) })
        .from(eventSignups)
        .where(and(eq(eventSignups.eventId, eventId), eq(eventSignups.status, status)))
    )[0]?.n ?? 0,
  );

describe('the capacity race', () => {
  it('confirms exactly 30 and waitlists 20 of 50 parallel one-seat sign-ups for 30 seats', async () => {
    const [event] = await e.create('erqi-admin', { capacity: 30 });
    const answers = await Promise.all(Array.from({ length: 50 }, () => e.signUp(event!.id)));
    expect(answers.map((r) => r.status)).toEqual(Array(50).fill(201));
    const bodies = await Promise.all(answers.map((r) => r.json()));
    expect(bodies.filter((b) => b.status === 'confirmed')).toHaveLength(30);
    expect(bodies.filter((b) => b.status === 'waitlisted')).toHaveLength(20);
    expect(await seatsBy(event!.id, 'confirmed')).toBe(30);
    expect(await e.view(event!.id)).toMatchObject({ seatsTaken: 30, seatsLeft: 0, waitlistCount: 20 });
  });

  it('never overshoots with mixed party sizes either', async () => {
    const [event] = await e.create('erqi-admin', { capacity: 10 });
    await Promise.all(Array.from({ length: 30 }, (_, i) => e.signUp(event!.id, { seats: (i % 3) + 1 })));
    const confirmed = await seatsBy(event!.id, 'confirmed');
    expect(confirmed).toBeLessThanOrEqual(10);
    // Only a party larger than the seats left may be waiting (first-fit).
    expect(confirmed).toBeGreaterThanOrEqual(8);
  });
});

describe('the waitlist', () => {
  it('promotes in order when a confirmed resident cancels, skipping a party too large for the freed seats', async () => {
    const [event] = await e.create('erqi-admin', { capacity: 3 });
    const a = await e.signUpOk(event!.id, { seats: 2 });
    const b = await e.signUpOk(event!.id, { seats: 1 });
    const w1 = await e.signUpOk(event!.id, { seats: 3 });
    const w2 = await e.signUpOk(event!.id, { seats: 1 });
    const w3 = await e.signUpOk(event!.id, { seats: 1 });
    expect([a.status, b.status, w1.status, w2.status, w3.status]).toEqual([
      'confirmed',
      'confirmed',
      'waitlisted',
      'waitlisted',
      'waitlisted',
    ]);
    expect((await (await e.mine(w2.id, w2.token)).json()).signup.waitlistPosition).toBe(2);

    const res = await e.cancelMine(a);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      signup: { status: 'cancelled', cancelledBy: 'resident' },
      canCancel: false,
    });
    // Two seats freed: the family of three still does not fit; the next two singles move up.
    expect([await e.statusOf(w1.id), await e.statusOf(w2.id), await e.statusOf(w3.id)]).toEqual([
      'waitlisted',
      'confirmed',
      'confirmed',
    ]);
    const promoted = await (await e.mine(w2.id, w2.token)).json();
    expect(promoted.signup).toMatchObject({ status: 'confirmed', promotedAt: e.clock });

    // Now all three singles leave: the family of three moves up.
    for (const s of [b, w2, w3]) expect((await e.cancelMine(s)).status).toBe(200);
    expect(await e.statusOf(w1.id)).toBe('confirmed');
    expect(await seatsBy(event!.id, 'confirmed')).toBe(3);
  });

  it('confirms a newcomer whose seats fit even when a larger party waits', async () => {
    const [event] = await e.create('erqi-admin', { capacity: 2 });
    await e.signUpOk(event!.id, { seats: 1 });
    expect((await e.signUpOk(event!.id, { seats: 3 })).status).toBe('waitlisted');
    expect((await e.signUpOk(event!.id, { seats: 1 })).status).toBe('confirmed');
    expect((await e.signUpOk(event!.id, { seats: 1 })).status).toBe('waitlisted');
  });

  it('cancelling a waiting sign-up promotes nobody', async () => {
    const [event] = await e.create('erqi-admin', { capacity: 1 });
    await e.signUpOk(event!.id);
    const w1 = await e.signUpOk(event!.id);
    const w2 = await e.signUpOk(event!.id);
    expect((await e.cancelMine(w1)).status).toBe(200);
    expect(await e.statusOf(w2.id)).toBe('waitlisted');
    expect(await seatsBy(event!.id, 'confirmed')).toBe(1);
  });
});
