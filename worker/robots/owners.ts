import { asc, eq } from 'drizzle-orm';
import {
  communities,
  compounds,
  propertyCompanies,
  propertyCompanyCompounds,
  type RobotOwnerKind,
  staffNotices,
  staffRobots,
} from '../../schema/index.ts';
import type { Db } from '../lib/platform.ts';
import type { StaffMember } from '../staff/policy.ts';
import { digest } from './payloads.ts';
import { robotView } from './robots.ts';

/**
 * The communities and property companies the staff member manages robots for (the district's, or
 * their sub-district's), each with its robot and what waits to be sent, as the message would say it.
 * @example const owners = await robotOwners(db, jianzhongjieStaff, 'https://linli.example')
 */
export async function robotOwners(db: Db, me: StaffMember, origin?: string) {
  const sub = me.role === 'admin' ? undefined : (me.subdistrictId ?? -1);
  const inSub = sub === undefined ? undefined : eq(communities.subdistrictId, sub);
  const [comms, companies, robots, pending] = await Promise.all([
    db
      .select({ id: communities.id, name: communities.name, nameEn: communities.nameEn })
      .from(communities)
      .where(inSub)
      .orderBy(asc(communities.id)),
    db
      .selectDistinct({ id: propertyCompanies.id, name: propertyCompanies.name, nameEn: propertyCompanies.nameEn })
      .from(propertyCompanies)
      .innerJoin(propertyCompanyCompounds, eq(propertyCompanyCompounds.propertyCompanyId, propertyCompanies.id))
      .innerJoin(compounds, eq(compounds.id, propertyCompanyCompounds.compoundId))
      .innerJoin(communities, eq(communities.id, compounds.communityId))
      .where(inSub)
      .orderBy(asc(propertyCompanies.id)),
    db.select().from(staffRobots),
    db
      .select({
        ownerKind: staffNotices.ownerKind,
        ownerId: staffNotices.ownerId,
        kind: staffNotices.kind,
        ticketNumber: staffNotices.ticketNumber,
        summary: staffNotices.summary,
      })
      .from(staffNotices)
      .where(eq(staffNotices.status, 'pending'))
      .orderBy(asc(staffNotices.id)),
  ]);
  const entry = (ownerKind: RobotOwnerKind) => (o: { id: number; name: string; nameEn: string }) => {
    const robot = robots.find((r) => r.ownerKind === ownerKind && r.ownerId === o.id);
    const waiting = pending.filter((n) => n.ownerKind === ownerKind && n.ownerId === o.id);
    const counts = Object.fromEntries(
      [...new Set(waiting.map((n) => n.kind))].map((k) => [k, waiting.filter((n) => n.kind === k).length]),
    );
    return {
      ownerKind,
      ownerId: o.id,
      name: o.name,
      nameEn: o.nameEn,
      robot: robot ? robotView(robot) : null,
      pending: { total: waiting.length, counts, preview: waiting.length ? digest(o.name, waiting, origin).text : null },
    };
  };
  return [...comms.map(entry('community')), ...companies.map(entry('company'))];
}
