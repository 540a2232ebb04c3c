import { eq, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import {
  communities,
  compounds,
  partners,
  propertyCompanies,
  type Role,
  staff,
  subdistricts,
} from '../../schema/index.ts';
import type { Db } from '../lib/platform.ts';
import type { PlaceRef } from './policy.ts';

/** Where a staff account belongs, as residents' place words: a sub-district, community, company, partner or compound. */
export type StaffPlace = {
  type: 'subdistrict' | 'community' | 'propertyCompany' | 'partner' | 'compound';
  slug: string;
  name: string;
  nameEn: string;
};

/** A staff account as the API shows it: never the password hash. */
export type StaffView = {
  id: number;
  login: string;
  displayName: string;
  role: Role;
  disabled: boolean;
  place: StaffPlace | null;
};

const communitySubdistrict = alias(subdistricts, 'community_subdistrict');

/** Staff accounts with their places, and the place reference the policy judges them by. */
export async function findStaff(db: Db, where?: SQL): Promise<(StaffView & { placeRef: PlaceRef })[]> {
  const rows = await db
    .select({
      staff,
      subdistrict: subdistricts,
      community: communities,
      communitySubdistrictId: communitySubdistrict.id,
      company: propertyCompanies,
      partner: partners,
      compound: compounds,
    })
    .from(staff)
    .leftJoin(subdistricts, eq(subdistricts.id, staff.subdistrictId))
    .leftJoin(communities, eq(communities.id, staff.communityId))
    .leftJoin(communitySubdistrict, eq(communitySubdistrict.id, communities.subdistrictId))
    .leftJoin(propertyCompanies, eq(propertyCompanies.id, staff.propertyCompanyId))
    .leftJoin(partners, eq(partners.id, staff.partnerId))
    .leftJoin(compounds, eq(compounds.id, staff.compoundId))
    .where(where)
    .orderBy(staff.login);
  return rows.map((r) => {
    const placeRow = r.community ?? r.subdistrict ?? r.company ?? r.partner ?? r.compound;
    const type = r.community
      ? 'community'
      : r.subdistrict
        ? 'subdistrict'
        : r.company
          ? 'propertyCompany'
          : r.partner
            ? 'partner'
            : 'compound';
    return {
      id: r.staff.id,
      login: r.staff.login,
      displayName: r.staff.displayName,
      role: r.staff.role,
      disabled: r.staff.disabled,
      place: placeRow ? { type, slug: placeRow.slug, name: placeRow.name, nameEn: placeRow.nameEn } : null,
      placeRef: {
        subdistrictId: r.staff.subdistrictId ?? r.communitySubdistrictId ?? null,
        communityId: r.staff.communityId,
        propertyCompanyId: r.staff.propertyCompanyId,
        partnerId: r.staff.partnerId,
        compoundId: r.staff.compoundId,
      },
    };
  });
}

/** Drops the policy's bookkeeping before a staff view leaves the server. */
export const publicView = ({ placeRef: _, ...view }: StaffView & { placeRef: PlaceRef }): StaffView => view;

/** One account with its place and place reference, if it exists. */
export async function staffById(db: Db, id: number) {
  const [found] = await findStaff(db, eq(staff.id, id));
  return found;
}

/** One account as the API shows it (the caller has checked it exists). */
export async function staffView(db: Db, id: number): Promise<StaffView> {
  return publicView((await staffById(db, id))!);
}

/**
 * Resolves the place a role needs from a slug: nothing for admin, a sub-district, a community,
 * a property company, a partner organisation, a compound for a volunteer, or for a correspondent a
 * community or a sub-district.
 */
export async function resolveStaffPlace(
  db: Db,
  role: Role,
  slug: string | undefined,
): Promise<
  | {
      subdistrictId: number | null;
      communityId: number | null;
      propertyCompanyId: number | null;
      partnerId: number | null;
      compoundId: number | null;
    }
  | string
> {
  const none = { subdistrictId: null, communityId: null, propertyCompanyId: null, partnerId: null, compoundId: null };
  if (role === 'admin') return slug ? 'An admin serves the whole district and takes no place.' : none;
  if (!slug) return `A ${role} account needs a place.`;
  const find = async (
    table: typeof subdistricts | typeof communities | typeof propertyCompanies | typeof partners | typeof compounds,
  ) => (await db.select({ id: table.id }).from(table).where(eq(table.slug, slug)))[0]?.id;
  if (role === 'property') {
    const id = await find(propertyCompanies);
    return id ? { ...none, propertyCompanyId: id } : `No property company with slug "${slug}".`;
  }
  if (role === 'partner') {
    const id = await find(partners);
    return id ? { ...none, partnerId: id } : `No partner organisation with slug "${slug}".`;
  }
  if (role === 'volunteer') {
    const id = await find(compounds);
    return id ? { ...none, compoundId: id } : `No compound with slug "${slug}".`;
  }
  if (role === 'community' || role === 'correspondent') {
    const id = await find(communities);
    if (id) return { ...none, communityId: id };
  }
  if (role === 'subdistrict' || role === 'correspondent') {
    const id = await find(subdistricts);
    if (id) return { ...none, subdistrictId: id };
  }
  return `No ${role === 'correspondent' ? 'community or sub-district' : role} with slug "${slug}".`;
}
