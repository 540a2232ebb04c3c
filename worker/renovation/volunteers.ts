import { and, asc, eq, isNull, type SQL, sql } from 'drizzle-orm';
import { compounds, staff, volunteers } from '../../schema/index.ts';
import { ApiError, invalidField, versionConflict } from '../lib/errors.ts';
import type { Db } from '../lib/platform.ts';
import { compoundPlace } from '../places/places.ts';
import { auditEntry, auditEntryOrAbort } from '../staff/audit.ts';
import { authorize, type StaffMember } from '../staff/policy.ts';
import { guarded } from './plan.ts';
import type { NewVolunteer, VolunteerEdit } from './volunteer-input.ts';

type VolunteerRecord = typeof volunteers.$inferSelect;

export const volunteerNotFound = () => new ApiError(404, 'volunteer_not_found', 'No such volunteer.');
const invalid = invalidField;

/** The volunteers a staff member may see on the roster, as SQL (mirrors `seesPlace`). */
function rosterScope(who: StaffMember): SQL | undefined {
  if (who.role === 'admin') return undefined;
  if (who.role === 'subdistrict') return eq(volunteers.subdistrictId, who.subdistrictId ?? -1);
  if (who.role === 'community') return eq(volunteers.communityId, who.communityId ?? -1);
  return sql`0`;
}

const columns = {
  volunteer: volunteers,
  compound: { slug: compounds.slug, name: compounds.name, nameEn: compounds.nameEn },
  login: staff.login,
};

/** Roster rows still on the roster, with their compound and sign-in, in the order they joined. */
async function findVolunteers(db: Db, where: SQL | undefined) {
  return db
    .select(columns)
    .from(volunteers)
    .innerJoin(compounds, eq(compounds.id, volunteers.compoundId))
    .leftJoin(staff, eq(staff.id, volunteers.staffId))
    .where(and(isNull(volunteers.removedAt), where))
    .orderBy(asc(volunteers.id));
}
type VolunteerRow = Awaited<ReturnType<typeof findVolunteers>>[number];

/** The staff view of a roster row: with the phone the community calls and the version to edit. */
export const rosterView = (r: VolunteerRow) => ({
  id: r.volunteer.id,
  compound: r.compound,
  name: r.volunteer.name,
  roles: r.volunteer.roles,
  phone: r.volunteer.phone,
  publicConsent: r.volunteer.publicConsent,
  login: r.login,
  version: r.volunteer.version,
});

/** The roster as staff see it: their place, or one compound of it. */
export async function rosterFor(db: Db, who: StaffMember, compound?: string) {
  const rows = await findVolunteers(db, and(rosterScope(who), compound ? eq(compounds.slug, compound) : undefined));
  return rows.map(rosterView);
}

/** One roster row as staff see it. */
export const rosterRow = async (db: Db, id: number) =>
  (await findVolunteers(db, eq(volunteers.id, id))).map(rosterView)[0];

/** The roster row behind :id if the staff member may manage it (404 outside their place). */
export async function visibleVolunteer(db: Db, who: StaffMember, id: number) {
  const [row] = await findVolunteers(db, eq(volunteers.id, id));
  if (!row) throw volunteerNotFound();
  authorize(who, 'renovation.volunteers', row.volunteer, 'volunteer');
  return row;
}

/** What residents see of a compound's roster: names and roles of those who agreed, nothing else. */
export function publicRoster(db: Db, compoundId: number | SQL) {
  return db
    .select({ name: volunteers.name, roles: volunteers.roles })
    .from(volunteers)
    .where(and(eq(volunteers.compoundId, compoundId), eq(volunteers.publicConsent, true), isNull(volunteers.removedAt)))
    .orderBy(asc(volunteers.id));
}

/** A login to link: an account of role volunteer in this compound, not on another roster row. */
async function accountFor(db: Db, login: string | null | undefined, compoundId: number, self?: number) {
  if (!login) return null;
  const [account] = await db
    .select({ id: staff.id, role: staff.role, compoundId: staff.compoundId, linked: volunteers.id })
    .from(staff)
    .leftJoin(volunteers, eq(volunteers.staffId, staff.id))
    .where(eq(staff.login, login));
  if (account?.role !== 'volunteer' || account.compoundId !== compoundId)
    throw invalid('login', 'No volunteer account with this login in this compound.');
  if (account.linked && account.linked !== self) throw invalid('login', 'This account belongs to another volunteer.');
  return account.id;
}

/** Puts a volunteer on a compound's roster, in the staff member's place, with the audit entry. */
export async function createVolunteer(db: Db, who: StaffMember, input: NewVolunteer, now: number) {
  const place = await compoundPlace(db, input.compound);
  if (!place) throw invalid('compound', 'No such compound.');
  authorize(who, 'renovation.volunteers', place, 'place');
  const staffId = await accountFor(db, input.login, place.compoundId);
  const [[created]] = await db.batch([
    db
      .insert(volunteers)
      .values({
        ...place,
        name: input.name,
        roles: [...new Set(input.roles)],
        phone: input.phone,
        publicConsent: input.publicConsent,
        staffId,
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: volunteers.id }),
    auditEntry(db, who, 'renovation.volunteer.create', 'volunteer', sql`(select max(id) from ${volunteers})`, now),
  ]);
  return created!.id;
}

/** Changes a roster row as of the version read; `login: null` unlinks the sign-in. */
export async function editVolunteer(db: Db, who: StaffMember, v: VolunteerRecord, edit: VolunteerEdit, now: number) {
  const { version, login, roles, ...fields } = edit;
  if (version !== v.version) throw versionConflict('volunteer');
  const staffId = login === undefined ? undefined : await accountFor(db, login, v.compoundId, v.id);
  await guarded(db, 'volunteer', [
    db
      .update(volunteers)
      .set({
        ...fields,
        ...(roles ? { roles: [...new Set(roles)] } : {}),
        ...(staffId !== undefined ? { staffId } : {}),
        updatedAt: now,
        version: sql`${volunteers.version} + 1`,
      })
      .where(and(eq(volunteers.id, v.id), eq(volunteers.version, version))),
    auditEntryOrAbort(db, who, 'renovation.volunteer.edit', 'volunteer', v.id, now, {
      fields: Object.keys(edit).filter((k) => k !== 'version'),
    }),
  ]);
}

/** Takes a volunteer off the roster and ends their sign-in's part; what they recorded keeps its credit. */
export async function removeVolunteer(db: Db, who: StaffMember, v: VolunteerRecord, now: number) {
  await db.batch([
    db.update(volunteers).set({ removedAt: now, staffId: null, updatedAt: now }).where(eq(volunteers.id, v.id)),
    auditEntry(db, who, 'renovation.volunteer.remove', 'volunteer', v.id, now),
  ]);
}

/**
 * The roster row of a signed-in volunteer, who must hold `role` for what they are doing: 403
 * for an account not (or no longer) on the roster, or without that role.
 */
export async function actingVolunteer(db: Db, who: StaffMember, role?: VolunteerRecord['roles'][number]) {
  const [row] = await findVolunteers(db, eq(volunteers.staffId, who.id));
  if (!row || (role && !row.volunteer.roles.includes(role)))
    throw new ApiError(403, 'forbidden', 'Your place on the roster does not include this.');
  return row;
}
