import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventSignups } from '../../schema/index.ts';
import { purgeSignupContacts, SIGNUP_RETENTION_DAYS } from './housekeeping.ts';
import { anEvent, DAY_MS, type EventsApp, eventsApp } from './test-helpers.ts';

let e: EventsApp;
beforeAll(async () => {
  e = await eventsApp();
});
afterAll(() => e.t.cleanup());

describe('purgeSignupContacts', () => {
  it('forgets names and phones only once the retention after the event has passed, keeping the seats', async () => {
    const [event] = await e.create();
    const s = await e.signUpOk(event!.id, { name: '周阿姨', seats: 2 });
    const ended = Date.parse(anEvent.endsAt);
    const row = async () => (await e.t.db.select().from(eventSignups).where(eq(eventSignups.id, s.id)))[0]!;

    await purgeSignupContacts(e.t.db, ended + (SIGNUP_RETENTION_DAYS - 1) * DAY_MS);
    expect(await row()).toMatchObject({ name: '周阿姨', seats: 2 });

    expect(await purgeSignupContacts(e.t.db, ended + (SIGNUP_RETENTION_DAYS + 1) * DAY_MS)).toBeGreaterThanOrEqual(1);
    expect(await row()).toMatchObject({ name: '', phone: '', seats: 2, status: 'confirmed' });
    expect(await purgeSignupContacts(e.t.db, ended + (SIGNUP_RETENTION_DAYS + 1) * DAY_MS)).toBe(0);
  });
});
