import { type AnyColumn, and, eq, gte, lt } from 'drizzle-orm';
import type { ExportPeriod } from '../lib/exports.ts';
import type { Db } from '../lib/platform.ts';
import { type Action, authorize, type StaffMember } from '../staff/policy.ts';
import { communityPlace, findCommunity, findSubdistrict } from './places.ts';
import { theDistrict } from './scope.ts';

/** Where an export's rows lie, as the features' tables name it (`subdistrictId`, `communityId`). */
export type ExportWhere = { communityId?: number; subdistrictId?: number };
export type ExportPlace = { label: { kind: string; slug: string; name: string } | null; where: ExportWhere };

/**
 * The place an export is narrowed to (`community=`, `subdistrict=`, `district=1`, or none: all the
 * staff member sees), checked by the policy: outside a place-bound role's place, the 404 that hides
 * it. Property and partner staff are bound to their compounds or visits, not to places, so for them
 * a place only narrows what their scope already allows.
 * @example const place = await exportPlace(db, staff, { subdistrict: 'jianzhongjie' }, 'desk.export')
 */
export async function exportPlace(
  db: Db,
  staff: StaffMember,
  q: { community?: string; subdistrict?: string; district?: string },
  action: Action,
): Promise<ExportPlace> {
  const placeBound = staff.role !== 'property' && staff.role !== 'partner';
  if (q.community) {
    const c = await findCommunity(db, q.community);
    if (placeBound) authorize(staff, action, communityPlace(c), 'community');
    return { label: { kind: 'community', slug: c.slug, name: c.name }, where: { communityId: c.id } };
  }
  if (q.subdistrict) {
    const s = await findSubdistrict(db, q.subdistrict);
    if (placeBound) authorize(staff, action, { subdistrictId: s.id, communityId: null }, 'subdistrict');
    return { label: { kind: 'subdistrict', slug: s.slug, name: s.name }, where: { subdistrictId: s.id } };
  }
  if (q.district) {
    if (placeBound) authorize(staff, action, { subdistrictId: null, communityId: null }, 'place');
    const d = await theDistrict(db);
    return { label: { kind: 'district', slug: d.slug, name: d.name }, where: {} };
  }
  return { label: null, where: {} };
}

/**
 * The condition "in the export's place and period" on a table: its sub-district and community
 * columns, and the time that puts a row in the period (filed, asked for, starting).
 * @example .where(and(ticketScope(staff), inPlaceAndPeriod(tickets, tickets.createdAt, where, period)))
 */
export const inPlaceAndPeriod = (
  table: { subdistrictId: AnyColumn; communityId: AnyColumn },
  at: AnyColumn,
  where: ExportWhere,
  period: ExportPeriod,
) =>
  and(
    where.communityId === undefined ? undefined : eq(table.communityId, where.communityId),
    where.subdistrictId === undefined ? undefined : eq(table.subdistrictId, where.subdistrictId),
    gte(at, period.start),
    lt(at, period.end),
  );
