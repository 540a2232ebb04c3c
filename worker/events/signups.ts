import { and, eq, inArray, sql } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import type { z } from 'zod/mini';
import { eventSignups, events } from '../../schema/index.ts';
import { hashToken, randomToken, tokenMatches } from '../lib/crypto.ts';
import { ApiError } from '../lib/errors.ts';
import { maskPhone } from '../lib/fields.ts';
import type { RecordAnswer } from '../lib/idempotency.ts';
import type { Db } from '../lib/platform.ts';
import { hasActiveOptin, optinInsert } from '../messages/outbox.ts';
import { eventMessage, promotedNow } from '../messages/subjects.ts';
import type { signupSchema } from './input.ts';
import { loadEvent, signupAvailable, signupClosedReason } from './views.ts';

type SignupRecord = typeof eventSignups.$inferSelect;

export const eventNotFound = () => new ApiError(404, 'event_not_found', 'No such event.');
/** The one answer for a missing sign-up and a wrong token, so tokens cannot be probed. */
export const signupNotFound = () => new ApiError(404, 'signup_not_found', 'No sign-up with this link.');

/**
 * Signs a resident up. One INSERT … SELECT decides confirmed or waitlisted from the seats
 * already confirmed, and checks that sign-up is open and the phone is not signed up yet, all
 * under the database's write lock: parallel requests can never overshoot the capacity.
 * The waitlist is first-fit in order: a new party is confirmed whenever its seats fit, which is
 * what promoting it from the waitlist would have done.
 */
export async function signUp(
  db: Db,
  eventId: number,
  input: z.infer<typeof signupSchema>,
  now: number,
  record?: RecordAnswer,
  stopSecret?: string,
) {
  const token = randomToken();
  const insert = db.all<{ id: number; status: 'confirmed' | 'waitlisted' }>(sql`
    insert into ${eventSignups} (event_id, token_hash, name, phone, seats, status, created_at, updated_at)
    select e.id, ${await hashToken(token)}, ${input.name}, ${input.phone}, ${input.seats},
      case when e.capacity is null
        or coalesce((select sum(s.seats) from ${eventSignups} s where s.event_id = e.id and s.status = 'confirmed'), 0) + ${input.seats} <= e.capacity
      then 'confirmed' else 'waitlisted' end,
      ${now}, ${now}
    from ${events} e
    where e.id = ${eventId} and e.status = 'scheduled' and e.signup_open = 1 and e.starts_at > ${now}
      and not exists (select 1 from ${eventSignups} d where d.event_id = e.id and d.phone = ${input.phone} and d.status != 'cancelled')
    returning id, status`);
  // The answer below, kept for the request's Idempotency-Key in the same batch as the sign-up.
  const answer = record?.(sql`json_object('id', last_insert_rowid(),
    'status', (select status from ${eventSignups} where id = last_insert_rowid()), 'token', ${token},
    'seats', ${input.seats}, 'name', ${input.name}, 'phone', ${maskPhone(input.phone)}, 'eventId', ${eventId})`);
  // The opt-in lands only with the sign-up (a full or closed event takes none): the newest sign-up, just made.
  const newest = sql`(select max(id) from ${eventSignups})`;
  const optin =
    input.notifySms && stopSecret
      ? await optinInsert(
          db,
          stopSecret,
          'signup',
          newest,
          input.phone,
          now,
          sql`exists (select 1 from ${eventSignups}
          where id = ${newest} and event_id = ${eventId} and phone = ${input.phone} and created_at = ${now})`,
        )
      : [];
  const [inserted] = await db.batch([insert, ...(answer ? [answer] : []), ...optin]);
  const row = (inserted as { id: number; status: 'confirmed' | 'waitlisted' }[])[0];
  if (!row) {
    // Nothing inserted: say why, from the event as it is now.
    const found = await loadEvent(db, eventId);
    if (!found) throw eventNotFound();
    if (!signupAvailable(found.event, now))
      throw new ApiError(409, 'signup_closed', signupClosedReason(found.event, now));
    throw new ApiError(
      409,
      'already_signed_up',
      'This phone number is already signed up; change it with the link you were given.',
      {
        phone: 'Already signed up for this event.',
      },
    );
  }
  return {
    id: row.id,
    status: row.status,
    token,
    seats: input.seats,
    name: input.name,
    phone: maskPhone(input.phone),
    eventId,
  };
}

/**
 * Statements that promote waiting sign-ups, oldest first, each only if its seats fit now
 * (first-fit: a family of three that does not fit does not keep a single person out of a free
 * stool). Each promotes at most one, so `count` is the most that can move up.
 */
export function promotions(db: Db, eventId: number, count: number, now: number): BatchItem<'sqlite'>[] {
  return Array.from({ length: Math.max(0, Math.min(count, 500)) }, () =>
    db.run(sql`
      update ${eventSignups} set status = 'confirmed', promoted_at = ${now}, updated_at = ${now}
      where id = (
        select w.id from ${eventSignups} w join ${events} e on e.id = w.event_id
        where w.event_id = ${eventId} and w.status = 'waitlisted' and e.status = 'scheduled'
          and (e.capacity is null
            or w.seats + coalesce((select sum(c.seats) from ${eventSignups} c where c.event_id = e.id and c.status = 'confirmed'), 0) <= e.capacity)
        order by w.id limit 1)`),
  );
}

/**
 * Cancels a sign-up and, in the same batch, lets the waitlist move up into the freed seats.
 * `also` lands right after the cancellation (an audit entry guarded by `changes() = 1`).
 */
export async function cancelSignup(
  db: Db,
  signup: SignupRecord,
  by: 'resident' | 'staff',
  now: number,
  also: BatchItem<'sqlite'>[] = [],
) {
  const freed = signup.status === 'confirmed' ? signup.seats : 0;
  const [cancelled] = await db.batch([
    db
      .update(eventSignups)
      .set({ status: 'cancelled', cancelledAt: now, cancelledBy: by, updatedAt: now })
      .where(and(eq(eventSignups.id, signup.id), inArray(eventSignups.status, ['confirmed', 'waitlisted']))),
    ...also,
    ...promotions(db, signup.eventId, freed, now),
    eventMessage(db, signup.eventId, 'signup_promoted', {
      dedupe: `event:${signup.eventId}:promoted:${now}`,
      now,
      which: promotedNow(now),
    }),
  ]);
  if (cancelled.rowsAffected !== 1) throw new ApiError(409, 'already_cancelled', 'This sign-up is already cancelled.');
}

/** Loads a sign-up for the resident who holds its private token, or 404. */
export async function signupForToken(db: Db, id: number, token: string): Promise<SignupRecord> {
  const [row] = await db.select().from(eventSignups).where(eq(eventSignups.id, id));
  const matches = await tokenMatches(token, row?.tokenHash);
  if (!row || !matches) throw signupNotFound();
  return row;
}

/** How many waiting parties are ahead, counting this one (1 = next in line). */
export async function waitlistPosition(db: Db, signup: SignupRecord): Promise<number | null> {
  if (signup.status !== 'waitlisted') return null;
  const [row] = await db
    .select({ n: sql<number>`count(*)` })
    .from(eventSignups)
    .where(
      and(
        eq(eventSignups.eventId, signup.eventId),
        eq(eventSignups.status, 'waitlisted'),
        sql`${eventSignups.id} <= ${signup.id}`,
      ),
    );
  return row?.n ?? null;
}

/** The resident's own view of their sign-up: name, masked phone, where they stand. */
export async function residentSignupView(db: Db, signup: SignupRecord, smsActive?: boolean) {
  return {
    id: signup.id,
    status: signup.status,
    name: signup.name,
    phone: maskPhone(signup.phone),
    seats: signup.seats,
    createdAt: signup.createdAt,
    promotedAt: signup.promotedAt,
    cancelledAt: signup.cancelledAt,
    cancelledBy: signup.cancelledBy,
    checkedIn: signup.checkedInAt !== null,
    waitlistPosition: await waitlistPosition(db, signup),
    /** The resident asked for text messages and has not stopped them. */
    smsActive: smsActive ?? (await hasActiveOptin(db, 'signup', signup.id)),
  };
}
