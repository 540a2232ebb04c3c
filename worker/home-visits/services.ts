import { and, asc, eq, type SQL, sql } from 'drizzle-orm';
import { communityHomeServices, homeServices, partnerCommunities, partners } from '../../schema/index.ts';
import { ApiError } from '../lib/errors.ts';
import type { Db } from '../lib/platform.ts';
import { prepared } from '../lib/prepared.ts';
import { communityIdOf } from '../places/places.ts';
import { auditEntry } from '../staff/audit.ts';
import type { StaffMember } from '../staff/policy.ts';

/** The partner serves the community: only then can the community offer its services or send it visits. */
const serves = (communityId: number | SQL) =>
  sql`exists (select 1 from ${partnerCommunities} where ${partnerCommunities.partnerId} = ${homeServices.partnerId} and ${partnerCommunities.communityId} = ${communityId})`;

const serviceColumns = {
  id: homeServices.id,
  code: homeServices.code,
  name: homeServices.name,
  nameEn: homeServices.nameEn,
  partner: { slug: partners.slug, name: partners.name, nameEn: partners.nameEn, kind: partners.kind },
  prepare: homeServices.prepare,
  prepareEn: homeServices.prepareEn,
  eligibility: homeServices.eligibility,
  eligibilityEn: homeServices.eligibilityEn,
  leadDays: homeServices.leadDays,
};

// By the community's slug, so the residents' list needs no lookup of the community first.
const offered = prepared((db) => {
  const communityId = communityIdOf(sql.placeholder('slug'));
  return db
    .select({ ...serviceColumns, contact: partners.contact, contactEn: partners.contactEn, partnerId: partners.id })
    .from(communityHomeServices)
    .innerJoin(homeServices, eq(homeServices.id, communityHomeServices.serviceId))
    .innerJoin(partners, eq(partners.id, homeServices.partnerId))
    .where(and(eq(communityHomeServices.communityId, communityId), eq(homeServices.active, true), serves(communityId)))
    .orderBy(asc(homeServices.id))
    .prepare();
});

/** What residents of a community may ask for: the services it offers, from partners serving it. */
export async function offeredServices(db: Db, slug: string) {
  const rows = await offered(db).all({ slug });
  return rows.map(({ id: _, partnerId: __, contact, contactEn, partner, ...s }) => ({
    ...s,
    partner: { ...partner, contact, contactEn },
  }));
}

/** The offered service a request names, with its partner and lead time, or undefined. */
export async function offeredService(db: Db, slug: string, code: string) {
  return (await offered(db).all({ slug })).find((s) => s.code === code);
}

/** For the community's staff: every service of the partners serving it, and whether it is offered. */
export async function serviceChoices(db: Db, communityId: number) {
  const rows = await db
    .select({
      ...serviceColumns,
      active: homeServices.active,
      offered: sql<number>`exists (select 1 from ${communityHomeServices} where ${communityHomeServices.serviceId} = ${homeServices.id} and ${communityHomeServices.communityId} = ${communityId})`,
    })
    .from(homeServices)
    .innerJoin(partners, eq(partners.id, homeServices.partnerId))
    .where(serves(communityId))
    .orderBy(asc(homeServices.id));
  return rows.map(({ id: _, ...s }) => ({ ...s, offered: !!s.offered }));
}

/** Offers a service in a community or stops offering it; the service's partner must serve the community. */
export async function setOffered(
  db: Db,
  staff: StaffMember,
  community: { id: number; slug: string },
  code: string,
  offer: boolean,
  now: number,
) {
  const [service] = await db
    .select({ id: homeServices.id })
    .from(homeServices)
    .where(and(eq(homeServices.code, code), serves(community.id)));
  if (!service)
    throw new ApiError(400, 'invalid_input', 'No such service from a partner serving this community.', {
      service: 'No such service from a partner serving this community.',
    });
  const link = { communityId: community.id, serviceId: service.id };
  await db.batch([
    offer
      ? db.insert(communityHomeServices).values(link).onConflictDoNothing()
      : db
          .delete(communityHomeServices)
          .where(
            and(eq(communityHomeServices.communityId, community.id), eq(communityHomeServices.serviceId, service.id)),
          ),
    auditEntry(
      db,
      staff,
      offer ? 'home_service.offer' : 'home_service.withdraw',
      'home_service',
      `${community.slug}/${code}`,
      now,
    ),
  ]);
}

/** A partner organisation serving the community, by its slug, or a 400 naming `partner`. */
export async function partnerServing(db: Db, communityId: number, slug: string) {
  const [found] = await db
    .select({ id: partners.id, slug: partners.slug, name: partners.name })
    .from(partners)
    .innerJoin(partnerCommunities, eq(partnerCommunities.partnerId, partners.id))
    .where(and(eq(partners.slug, slug), eq(partnerCommunities.communityId, communityId)));
  if (!found)
    throw new ApiError(400, 'invalid_input', 'No such partner serving this community.', {
      partner: 'No such partner serving this community.',
    });
  return found;
}

/** The partner offering the visit's service, if it still serves the community; else a 400 naming `partner`. */
export async function partnerOfService(db: Db, communityId: number, serviceId: number) {
  const [found] = await db
    .select({ id: partners.id, slug: partners.slug, name: partners.name })
    .from(homeServices)
    .innerJoin(partners, eq(partners.id, homeServices.partnerId))
    .innerJoin(
      partnerCommunities,
      and(eq(partnerCommunities.partnerId, partners.id), eq(partnerCommunities.communityId, communityId)),
    )
    .where(eq(homeServices.id, serviceId));
  if (!found)
    throw new ApiError(400, 'invalid_input', "Name a partner: the service's own no longer serves this community.", {
      partner: 'Name a partner serving this community.',
    });
  return found;
}
