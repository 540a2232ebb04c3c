import { and, eq, inArray, ne, or, type SQL, sql } from 'drizzle-orm';
import { tickets } from '../../schema/index.ts';
import type { StaffMember } from '../staff/policy.ts';

/**
 * The tickets a staff member may see, as a SQL condition for lists. It mirrors `seesPlace` in
 * the policy module (the visibility tests check that list and single-ticket answers agree).
 */
export function ticketScope(staff: StaffMember): SQL | undefined {
  switch (staff.role) {
    case 'admin':
      return undefined;
    case 'subdistrict':
      return eq(tickets.subdistrictId, staff.subdistrictId ?? -1);
    case 'community':
      return eq(tickets.communityId, staff.communityId ?? -1);
    case 'property':
      return and(
        ne(tickets.owner, 'community'),
        or(
          staff.compoundIds.length ? inArray(tickets.compoundId, staff.compoundIds) : undefined,
          eq(tickets.propertyCompanyId, staff.propertyCompanyId ?? -1),
        ),
      );
    case 'correspondent':
    case 'partner':
    case 'volunteer':
      return sql`0`;
  }
}
