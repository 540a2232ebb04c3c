import { and, eq, isNull, sql } from 'drizzle-orm';
import { homeVisitEntries, homeVisits } from '../../schema/index.ts';
import { randomDigits, tokenMatches } from '../lib/crypto.ts';
import { ApiError } from '../lib/errors.ts';
import type { Db } from '../lib/platform.ts';
import { changeVisit, visitEntry } from './change.ts';
import { VISIT_CODE_DIGITS } from './input.ts';
import { isOpenVisit } from './lifecycle.ts';
import { type LoadedVisit, loadVisit, requesterOptions } from './views.ts';

/** The one answer for a missing visit and a wrong token, so tokens cannot be probed. */
export const visitNotFound = () =>
  new ApiError(404, 'home_visit_not_found', 'No home visit with this number and link.');

/** Loads a visit for the requester who holds its private token, or 404. */
export async function visitForToken<T extends LoadedVisit = LoadedVisit>(
  db: Db,
  number: string,
  token: string,
  load: (db: Db, number: string) => Promise<T | undefined> = loadVisit as never,
): Promise<T> {
  const row = await load(db, number);
  const matches = await tokenMatches(token, row?.visit.tokenHash);
  if (!row || !matches) throw visitNotFound();
  return row;
}

const resident = { actor: 'resident' as const, visibility: 'public' as const };
const notNow = (why: string) => new ApiError(409, 'invalid_transition', why);

/** Information the requester adds: it answers the community's question, or joins the timeline while open. */
export async function addInformation(db: Db, row: LoadedVisit, body: string, now: number) {
  const v = row.visit;
  if (v.status === 'info_needed')
    return changeVisit(db, v, {
      step: 'add_info',
      version: v.version,
      now,
      entry: { kind: 'info', body, ...resident },
    });
  if (!isOpenVisit(v.status)) throw notNow('This home visit is no longer open.');
  await visitEntry(db, v.id, now, { kind: 'info', body, ...resident });
}

/** The requester agrees to the proposed slot: the time is agreed and the door code is drawn. */
export async function confirmSlot(db: Db, row: LoadedVisit, now: number) {
  const v = row.visit;
  if (v.status === 'accepted' && v.slotStart === null) throw notNow('No time has been proposed yet.');
  await changeVisit(db, v, {
    step: 'confirm_slot',
    version: v.version,
    now,
    set: { visitCode: randomDigits(VISIT_CODE_DIGITS) },
    entry: { kind: 'slot_confirmed', ...resident },
  });
}

/** The requester asks for another slot: the proposal is withdrawn and the partner proposes again. */
export async function otherSlot(db: Db, row: LoadedVisit, message: string, now: number) {
  const v = row.visit;
  if (v.status === 'accepted' && v.slotStart === null) throw notNow('No time has been proposed yet.');
  await changeVisit(db, v, {
    step: 'other_slot',
    version: v.version,
    now,
    set: { slotStart: null, slotEnd: null },
    entry: { kind: 'other_slot', body: message, ...resident },
  });
}

type Rating = { score: number; comment?: string | undefined };

/** The requester or family confirm the visit happened, and may rate it at once. */
export async function confirmVisit(db: Db, row: LoadedVisit, rating: Rating | null, now: number) {
  const v = row.visit;
  await changeVisit(db, v, {
    step: 'confirm_visit',
    version: v.version,
    now,
    set: { closedAt: now, ...(rating ? { rating: rating.score, ratingComment: rating.comment || null } : {}) },
    entry: {
      kind: 'confirmed',
      body: rating?.comment || null,
      detail: rating ? { score: rating.score } : undefined,
      ...resident,
    },
  });
}

/** A rating once the visit was done (after it was confirmed without one, or closed by itself). */
export async function rateVisit(db: Db, row: LoadedVisit, rating: Rating, now: number) {
  const v = row.visit;
  if (!requesterOptions(v).canRate)
    throw new ApiError(409, 'rating_not_allowed', 'A home visit is rated once, after it was done.');
  const [updated] = await db.batch([
    db
      .update(homeVisits)
      .set({
        rating: rating.score,
        ratingComment: rating.comment || null,
        version: sql`${homeVisits.version} + 1`,
        updatedAt: now,
      })
      .where(and(eq(homeVisits.id, v.id), isNull(homeVisits.rating))),
    db.run(sql`insert into ${homeVisitEntries} (visit_id, at, kind, visibility, body, actor, detail)
      select ${v.id}, ${now}, 'rated', 'public', ${rating.comment || null}, 'resident', ${JSON.stringify({ score: rating.score })}
      where changes() = 1`),
  ]);
  if (updated.rowsAffected !== 1)
    throw new ApiError(409, 'rating_not_allowed', 'A home visit is rated once, after it was done.');
}
