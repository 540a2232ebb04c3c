import { asc, eq, sql } from 'drizzle-orm';
import { communities, compounds, subdistricts } from '../../schema/index.ts';
import { ApiError } from '../lib/errors.ts';
import type { Db } from '../lib/platform.ts';
import { prepared } from '../lib/prepared.ts';

/** A community by its slug, as most resident requests start. */
export const communityBySlug = prepared((db) =>
  db
    .select()
    .from(communities)
    .where(eq(communities.slug, sql.placeholder('slug')))
    .prepare(),
);

/** A sub-district by its slug. */
export const subdistrictBySlug = prepared((db) =>
  db
    .select()
    .from(subdistricts)
    .where(eq(subdistricts.slug, sql.placeholder('slug')))
    .prepare(),
);

/**
 * The id of the community (or sub-district) with this slug as a subquery, so a read can name the
 * place without a round trip of its own; the caller asks for the 404 only when the read found nothing.
 * @example const rows = await db.select().from(tickets).where(eq(tickets.communityId, communityIdOf(slug)))
 */
export const communityIdOf = (slug: unknown) =>
  sql<number>`(select ${communities.id} from ${communities} where ${communities.slug} = ${slug})`;
export const communitySubdistrictIdOf = (slug: unknown) =>
  sql<number>`(select ${communities.subdistrictId} from ${communities} where ${communities.slug} = ${slug})`;
export const subdistrictIdOf = (slug: unknown) =>
  sql<number>`(select ${subdistricts.id} from ${subdistricts} where ${subdistricts.slug} = ${slug})`;

/** Where the compound with this slug lies, as the policy reads places; undefined for none. */
export async function compoundPlace(db: Db, slug: string) {
  const [place] = await db
    .select({ compoundId: compounds.id, communityId: compounds.communityId, subdistrictId: communities.subdistrictId })
    .from(compounds)
    .innerJoin(communities, eq(communities.id, compounds.communityId))
    .where(eq(compounds.slug, slug));
  return place;
}

/** The one answer for a community slug that names none. */
export const communityNotFound = () => new ApiError(404, 'community_not_found', 'No such community.');
/** The one answer for a sub-district slug that names none. */
export const subdistrictNotFound = () => new ApiError(404, 'subdistrict_not_found', 'No such sub-district.');

/** Where a community lies, as the policy reads places. */
export const communityPlace = (community: { id: number; subdistrictId: number }) => ({
  subdistrictId: community.subdistrictId,
  communityId: community.id,
});

/**
 * The community with this slug, or the 404 `community_not_found`.
 * @example const community = await findCommunity(c.var.db, c.req.valid('query').community)
 */
export async function findCommunity(db: Db, slug: string) {
  const community = await communityBySlug(db).get({ slug });
  if (!community) throw communityNotFound();
  return community;
}

/** The sub-district with this slug, or the 404 `subdistrict_not_found`. */
export async function findSubdistrict(db: Db, slug: string) {
  const subdistrict = await subdistrictBySlug(db).get({ slug });
  if (!subdistrict) throw subdistrictNotFound();
  return subdistrict;
}

/** The name of the community or else the sub-district a filter names, if it names one that exists. */
export async function placeName(db: Db, by: { community?: string; subdistrict?: string }): Promise<string | undefined> {
  if (by.community) return (await communityBySlug(db).get({ slug: by.community }))?.name;
  if (by.subdistrict) return (await subdistrictBySlug(db).get({ slug: by.subdistrict }))?.name;
  return undefined;
}

type Named = { slug: string; name: string; nameEn: string };
export type CompoundNode = Named;
/** `code` is the prefix of the community's ticket numbers (YA-20261126-0007), public like them. */
export type CommunityNode = Named & { nameAssumed: boolean; code: string; compounds: CompoundNode[] };
export type SubdistrictNode = Named & { communities: CommunityNode[] };

/** The place tree for pickers: sub-districts → communities → compounds, each sorted by slug. */
export async function loadPlaceTree(db: Db): Promise<SubdistrictNode[]> {
  const [subs, comms, comps] = await db.batch([
    db
      .select({ id: subdistricts.id, slug: subdistricts.slug, name: subdistricts.name, nameEn: subdistricts.nameEn })
      .from(subdistricts)
      .orderBy(asc(subdistricts.slug)),
    db
      .select({
        id: communities.id,
        subdistrictId: communities.subdistrictId,
        slug: communities.slug,
        name: communities.name,
        nameEn: communities.nameEn,
        nameAssumed: communities.nameAssumed,
        code: communities.code,
      })
      .from(communities)
      .orderBy(asc(communities.slug)),
    db
      .select({
        communityId: compounds.communityId,
        slug: compounds.slug,
        name: compounds.name,
        nameEn: compounds.nameEn,
      })
      .from(compounds)
      .orderBy(asc(compounds.slug)),
  ]);
  return subs.map(({ id, ...sub }) => ({
    ...sub,
    communities: comms
      .filter((c) => c.subdistrictId === id)
      .map(({ id: communityId, subdistrictId: _, ...c }) => ({
        ...c,
        compounds: comps.filter((p) => p.communityId === communityId).map(({ communityId: __, ...p }) => p),
      })),
  }));
}
