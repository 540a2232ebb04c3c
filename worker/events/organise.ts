import { eq, type SQL, sql } from 'drizzle-orm';
import { communities, compounds, eventSeries, events } from '../../schema/index.ts';
import { ApiError, versionConflict } from '../lib/errors.ts';
import type { Db } from '../lib/platform.ts';
import { DAY_MS } from '../lib/time.ts';
import { communityBySlug, subdistrictBySlug } from '../places/places.ts';
import { auditEntry } from '../staff/audit.ts';
import { authorize, type StaffMember } from '../staff/policy.ts';
import type { NewEvent } from './input.ts';

export const WEEK_MS = 7 * DAY_MS;
const invalid = (field: string, message: string) => new ApiError(400, 'invalid_input', message, { [field]: message });

/**
 * The events a staff member may manage, as a SQL condition for lists. It mirrors `seesPlace`
 * for the roles that hold 'event.manage'; the others are turned away before it is used.
 */
export function eventScope(staff: StaffMember): SQL | undefined {
  switch (staff.role) {
    case 'admin':
      return undefined;
    case 'subdistrict':
      return eq(events.subdistrictId, staff.subdistrictId ?? -1);
    case 'community':
      return eq(events.communityId, staff.communityId ?? -1);
    default:
      return sql`0`;
  }
}

/** The organiser named by slug, checked against the staff member's place (404 outside it). */
export async function resolveOrganiser(db: Db, staff: StaffMember, by: { community?: string; subdistrict?: string }) {
  if (by.community) {
    const c = await communityBySlug(db).get({ slug: by.community });
    if (!c) throw invalid('community', 'No such community.');
    authorize(staff, 'event.manage', { subdistrictId: c.subdistrictId, communityId: c.id }, 'community');
    return { subdistrictId: c.subdistrictId, communityId: c.id as number | null };
  }
  const s = await subdistrictBySlug(db).get({ slug: by.subdistrict ?? '' });
  if (!s) throw invalid('subdistrict', 'No such sub-district.');
  authorize(staff, 'event.manage', { subdistrictId: s.id, communityId: null }, 'subdistrict');
  return { subdistrictId: s.id, communityId: null as number | null };
}

/** The compound by slug, which must lie in the organiser's community (or sub-district). */
export async function resolveCompound(
  db: Db,
  slug: string | null | undefined,
  organiser: { subdistrictId: number; communityId: number | null },
) {
  if (!slug) return null;
  const [found] = await db
    .select({ id: compounds.id, communityId: compounds.communityId, subdistrictId: communities.subdistrictId })
    .from(compounds)
    .innerJoin(communities, eq(communities.id, compounds.communityId))
    .where(eq(compounds.slug, slug));
  const inPlace =
    found &&
    (organiser.communityId !== null
      ? found.communityId === organiser.communityId
      : found.subdistrictId === organiser.subdistrictId);
  if (!inPlace) throw invalid('compound', "No such compound in the organiser's area.");
  return found.id;
}

/**
 * Creates an event, or a weekly series of separate sessions, with one audit entry per session,
 * all in one batch. China keeps UTC+8 all year, so "a week later" is exactly 7 × 24 hours.
 */
export async function createEvents(db: Db, staff: StaffMember, input: NewEvent, now: number): Promise<number[]> {
  const organiser = await resolveOrganiser(db, staff, input);
  const compoundId = await resolveCompound(db, input.compound, organiser);
  const start = Date.parse(input.startsAt);
  const length = Date.parse(input.endsAt) - start;
  const n = input.weeklySessions;
  const seriesId = n > 1 ? sql`(select max(id) from ${eventSeries})` : null;
  const sessions = Array.from({ length: n }, (_, i) =>
    db
      .insert(events)
      .values({
        seriesId,
        sessionNumber: n > 1 ? i + 1 : null,
        title: input.title,
        kind: input.kind,
        ...organiser,
        speaker: input.speaker || null,
        description: input.description,
        channel: input.channel,
        joinUrl: input.joinUrl || null,
        venue: input.venue,
        compoundId,
        startsAt: start + i * WEEK_MS,
        endsAt: start + i * WEEK_MS + length,
        capacity: input.capacity ?? null,
        signupOpen: input.signupOpen,
        createdByStaffId: staff.id,
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: events.id }),
  );
  // The ids are consecutive within the batch; parameters arrive as reals, hence the cast.
  const audits = Array.from({ length: n }, (_, i) =>
    auditEntry(
      db,
      staff,
      'event.create',
      'event',
      sql`(select cast(max(id) - ${n - 1 - i} as integer) from ${events})`,
      now,
      { title: input.title, ...(n > 1 ? { session: i + 1, of: n } : {}) },
    ),
  );
  const series =
    n > 1
      ? [db.insert(eventSeries).values({ rule: `FREQ=WEEKLY;COUNT=${n}`, createdByStaffId: staff.id, createdAt: now })]
      : [];
  const results = await db.batch([...series, ...sessions, ...audits] as unknown as Parameters<Db['batch']>[0]);
  return results.slice(series.length, series.length + n).map((r) => (r as { id: number }[])[0]!.id);
}

/** After a guarded update changed nothing: the 404 or 409 that says why (gone, changed meanwhile, wrong status). */
export async function explainRefusal(
  db: Db,
  id: number,
  version: number,
  allowed: readonly string[],
  doing: string,
): Promise<never> {
  const [now] = await db
    .select({ version: events.version, status: events.status })
    .from(events)
    .where(eq(events.id, id));
  if (!now) throw new ApiError(404, 'event_not_found', 'No such event.');
  if (now.version !== version) throw versionConflict('event');
  if (!allowed.includes(now.status))
    throw new ApiError(409, 'invalid_transition', `An event that is ${now.status} cannot be ${doing}.`);
  throw new ApiError(409, 'conflict', `The event could not be ${doing}.`);
}
