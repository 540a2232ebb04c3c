import { and, eq, sql } from 'drizzle-orm';
import { compounds, type homeVisitChannels, homeVisits } from '../../schema/index.ts';
import { workCalendar } from '../calendar/calendar.ts';
import { hashToken, randomToken } from '../lib/crypto.ts';
import { ApiError } from '../lib/errors.ts';
import type { RecordAnswer } from '../lib/idempotency.ts';
import type { Db } from '../lib/platform.ts';
import { shanghaiDay } from '../lib/time.ts';
import { optinInsert } from '../messages/outbox.ts';
import { communityBySlug } from '../places/places.ts';
import type { PlaceRef } from '../staff/policy.ts';
import { visitEntry } from './change.ts';
import type { NewHomeVisit } from './input.ts';
import { offeredService } from './services.ts';

const invalid = (field: string, message: string) => new ApiError(400, 'invalid_input', message, { [field]: message });

/**
 * Takes a request for a home visit: from the person, family, a neighbour or volunteer on the web,
 * or from community staff taking a call. One batch writes the visit with its human number, its
 * first timeline entry and (for a keyed request) the answer, so nothing is half-written.
 * Returns the number and the requester's private token.
 */
export async function requestHomeVisit(
  db: Db,
  input: NewHomeVisit,
  ctx: {
    now: number;
    channel: (typeof homeVisitChannels)[number];
    staffId?: number;
    check?: (place: PlaceRef) => void;
    record?: RecordAnswer;
    /** Signs the stop link of a requester's opt-in (settings.stopSecret). */
    stopSecret?: string;
  },
): Promise<{ number: string; token: string }> {
  const community = await communityBySlug(db).get({ slug: input.community });
  if (!community) throw invalid('community', 'No such community.');
  ctx.check?.({ subdistrictId: community.subdistrictId, communityId: community.id });
  const service = await offeredService(db, community.slug, input.service);
  if (!service) throw invalid('service', 'This community does not offer this service.');
  let compoundId: number | null = null;
  if (input.address.compound) {
    const [compound] = await db
      .select({ id: compounds.id })
      .from(compounds)
      .where(and(eq(compounds.slug, input.address.compound), eq(compounds.communityId, community.id)));
    if (!compound) throw invalid('address.compound', 'No such compound in this community.');
    compoundId = compound.id;
  }
  // A service's lead time is in working days, on the same calendar as the desk's tickets.
  const dueAt = (await workCalendar(db, ctx.now)).addWorkingDays(ctx.now, service.leadDays);
  const token = randomToken();
  const prefix = `${community.code}-H${shanghaiDay(ctx.now)}-`;
  const { forWhom, address, reason } = input;
  // The day's sequence is counted inside the insert, under the database's write lock.
  const insert = db.all<{ number: string }>(sql`
    insert into ${homeVisits} (number, token_hash, subdistrict_id, community_id, service_id, channel, relation,
      requester_name, person_name, address_as, compound_id, building, unit, room, phone, reason, reason_note,
      preferred_times, due_at, created_by_staff_id, created_at, updated_at)
    select ${prefix} || printf('%04d', count(*) + 1), ${await hashToken(token)}, ${community.subdistrictId},
      ${community.id}, ${service.id}, ${ctx.channel}, ${forWhom.relation}, ${input.name || null}, ${forWhom.name},
      ${forWhom.addressAs}, ${compoundId}, ${address.building}, ${address.unit}, ${address.room}, ${input.phone},
      ${reason.kind}, ${reason.note || null}, ${input.preferredTimes}, ${dueAt},
      ${ctx.staffId ?? null}, ${ctx.now}, ${ctx.now}
    from ${homeVisits} where number >= ${prefix} and number < ${`${prefix.slice(0, -1)}.`}
    returning number`);
  const first = visitEntry(db, sql`last_insert_rowid()`, ctx.now, {
    kind: 'requested',
    visibility: 'public',
    toStatus: 'requested',
    actor: ctx.staffId ? 'staff' : 'resident',
    staffId: ctx.staffId ?? null,
    detail: { channel: ctx.channel, service: service.code, relation: forWhom.relation },
  });
  const answer = ctx.record?.(
    sql`json_object('number', (select number from ${homeVisits} where id = last_insert_rowid()), 'token', ${token})`,
  );
  // The new visit has the highest id (SQLite, under the batch's write lock).
  const optin =
    input.notifySms && ctx.stopSecret
      ? await optinInsert(db, ctx.stopSecret, 'visit', sql`(select max(id) from ${homeVisits})`, input.phone, ctx.now)
      : [];
  const [inserted] = await db.batch([insert, ...(answer ? [answer] : []), first, ...optin]);
  return { number: (inserted as { number: string }[])[0]!.number, token };
}
