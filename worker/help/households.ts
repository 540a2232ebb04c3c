import { and, desc, eq, lt, notExists, sql } from 'drizzle-orm';
import { compounds, helpEntries, helpHouseholds, staff } from '../../schema/index.ts';
import { ApiError, invalidField } from '../lib/errors.ts';
import type { Db } from '../lib/platform.ts';
import { DAY_MS, zhengzhouDay } from '../lib/time.ts';
import { compoundPlace } from '../places/places.ts';
import { auditEntry } from '../staff/audit.ts';
import { authorize, roleAllows, type StaffMember } from '../staff/policy.ts';
import { HELP_RETENTION_DAYS, type NewEntry, type NewHousehold } from './input.ts';

/** The one answer outside the community's own staff: the help log does not exist for them. */
export const householdNotFound = () => new ApiError(404, 'household_not_found', 'No such household.');
const invalid = invalidField;

/** Turns away everyone but the community's staff with the same 404, before anything is read. */
export function helpStaff(who: StaffMember) {
  if (!roleAllows(who, 'help.read')) throw householdNotFound();
}

const columns = {
  household: helpHouseholds,
  compound: { slug: compounds.slug, name: compounds.name, nameEn: compounds.nameEn },
  lastGivenOn: sql<
    string | null
  >`(select max(given_on) from ${helpEntries} e where e.household_id = ${helpHouseholds.id})`,
  entryCount: sql<number>`(select count(*) from ${helpEntries} e where e.household_id = ${helpHouseholds.id})`,
};
const select = (db: Db) =>
  db.select(columns).from(helpHouseholds).innerJoin(compounds, eq(compounds.id, helpHouseholds.compoundId));
type HouseholdRow = Awaited<ReturnType<ReturnType<typeof select>['all']>>[number];

const view = (r: HouseholdRow) => ({
  id: r.household.id,
  compound: r.compound,
  label: r.household.label,
  phone: r.household.phone,
  note: r.household.note,
  createdAt: r.household.createdAt,
  lastGivenOn: r.lastGivenOn,
  entryCount: r.entryCount,
});

/**
 * The community's households, the reading recorded in the audit log in the same batch (the
 * entry names no household, only how many were shown).
 */
export async function readHouseholds(db: Db, who: StaffMember, now: number) {
  const [rows] = await db.batch([
    select(db)
      .where(eq(helpHouseholds.communityId, who.communityId ?? -1))
      .orderBy(desc(helpHouseholds.updatedAt), desc(helpHouseholds.id)),
    auditEntry(db, who, 'help.read', 'help_households', null, now),
  ]);
  return rows.map(view);
}

/** The household behind :id if the staff member may do this to it: 404 for everyone else. */
async function loadHousehold(db: Db, who: StaffMember, id: number, action: 'help.read' | 'help.write') {
  const [row] = await select(db).where(eq(helpHouseholds.id, id));
  if (!row) throw householdNotFound();
  authorize(who, action, row.household, 'household');
  return row;
}

/** One household with its entries, newest first; the reading is audited. 404 outside the community. */
export async function readHousehold(db: Db, who: StaffMember, id: number, now: number) {
  const row = await loadHousehold(db, who, id, 'help.read');
  const entries = db
    .select({
      id: helpEntries.id,
      givenOn: helpEntries.givenOn,
      kind: helpEntries.kind,
      note: helpEntries.note,
      staff: staff.displayName,
      createdAt: helpEntries.createdAt,
    })
    .from(helpEntries)
    .leftJoin(staff, eq(staff.id, helpEntries.staffId))
    .where(eq(helpEntries.householdId, id))
    .orderBy(desc(helpEntries.givenOn), desc(helpEntries.id));
  const [list] = await db.batch([entries, auditEntry(db, who, 'help.read', 'help_household', id, now)]);
  return { ...view(row), entries: list };
}

export async function addHousehold(db: Db, who: StaffMember, input: NewHousehold, now: number) {
  const place = await compoundPlace(db, input.compound);
  if (!place) throw invalid('compound', 'No such compound.');
  authorize(who, 'help.write', place, 'place');
  const [[created]] = await db.batch([
    db
      .insert(helpHouseholds)
      .values({
        ...place,
        label: input.label,
        phone: input.phone || null,
        note: input.note || null,
        createdByStaffId: who.id,
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: helpHouseholds.id }),
    auditEntry(db, who, 'help.household.create', 'help_household', sql`(select max(id) from ${helpHouseholds})`, now),
  ]);
  return created!.id;
}

/** Records help given to a household (a day no later than today). */
export async function addEntry(db: Db, who: StaffMember, householdId: number, input: NewEntry, now: number) {
  await loadHousehold(db, who, householdId, 'help.write');
  if (input.givenOn > zhengzhouDay(now)) throw invalid('givenOn', 'The day cannot be in the future.');
  await db.batch([
    db.insert(helpEntries).values({ householdId, ...input, note: input.note || null, staffId: who.id, createdAt: now }),
    db.update(helpHouseholds).set({ updatedAt: now }).where(eq(helpHouseholds.id, householdId)),
    auditEntry(db, who, 'help.entry.create', 'help_household', householdId, now, { kind: input.kind }),
  ]);
}

/** Deletes a household and its entries when the help is over. */
export async function removeHousehold(db: Db, who: StaffMember, id: number, now: number) {
  await loadHousehold(db, who, id, 'help.write');
  await db.batch([
    db.delete(helpEntries).where(eq(helpEntries.householdId, id)),
    db.delete(helpHouseholds).where(eq(helpHouseholds.id, id)),
    auditEntry(db, who, 'help.household.remove', 'help_household', id, now),
  ]);
}

/**
 * The retention schedule: entries older than the retention period go, then households left with
 * no entry that were added before it. Meant for the hourly job.
 * @example await purgeHelp(db, Date.now())
 */
export async function purgeHelp(db: Db, now: number) {
  const cutoff = now - HELP_RETENTION_DAYS * DAY_MS;
  const [entries, households] = await db.batch([
    db.delete(helpEntries).where(lt(helpEntries.givenOn, zhengzhouDay(cutoff))),
    db
      .delete(helpHouseholds)
      .where(
        and(
          lt(helpHouseholds.createdAt, cutoff),
          notExists(db.select().from(helpEntries).where(eq(helpEntries.householdId, helpHouseholds.id))),
        ),
      ),
  ]);
  return { helpEntries: entries.rowsAffected, helpHouseholds: households.rowsAffected };
}
