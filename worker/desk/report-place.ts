import { asc, eq } from 'drizzle-orm';
import { communities, subdistricts } from '../../schema/index.ts';
import type { Db } from '../lib/platform.ts';
import { findCommunity, findSubdistrict } from '../places/places.ts';
import { theDistrict } from '../places/scope.ts';
import type { ObjectType, PlaceRef } from '../staff/policy.ts';
import type { BoardPlace } from './board.ts';

type Named = { slug: string; name: string; nameEn: string };
/** A place as figures name it. */
export type PlaceLabel = Named & { kind: 'district' | 'subdistrict' | 'community' };
type Unit = PlaceLabel & { id: number; subdistrictId?: number };

const named = ({ slug, name, nameEn }: Named) => ({ slug, name, nameEn });
const columns = { id: communities.id, slug: communities.slug, name: communities.name, nameEn: communities.nameEn };

/**
 * The place a report is for (`community=`, `subdistrict=` or `district=1`), with what the policy
 * checks (`ref`, `objectType`), the tickets it covers (`where`), and the sub-districts and
 * communities inside it, sorted by slug (a community contains only itself). 404 for an unknown slug.
 * @example const place = await reportPlace(db, { subdistrict: 'jianzhongjie' })
 */
export async function reportPlace(db: Db, q: { community?: string; subdistrict?: string }) {
  if (q.community) {
    const c = await findCommunity(db, q.community);
    const label: PlaceLabel = { kind: 'community', ...named(c) };
    return {
      label,
      ref: { subdistrictId: c.subdistrictId, communityId: c.id } satisfies PlaceRef,
      objectType: 'community' as ObjectType,
      where: { communityId: c.id } as BoardPlace,
      subdistricts: [] as Unit[],
      communities: [{ ...label, id: c.id, subdistrictId: c.subdistrictId }],
    };
  }
  const sub = q.subdistrict ? await findSubdistrict(db, q.subdistrict) : null;
  const inside = await db
    .select({ ...columns, subdistrictId: communities.subdistrictId })
    .from(communities)
    .where(sub ? eq(communities.subdistrictId, sub.id) : undefined)
    .orderBy(asc(communities.slug));
  const units = inside.map((c) => ({ ...c, kind: 'community' as const }));
  if (sub)
    return {
      label: { kind: 'subdistrict', ...named(sub) } as PlaceLabel,
      ref: { subdistrictId: sub.id, communityId: null } satisfies PlaceRef,
      objectType: 'subdistrict' as ObjectType,
      where: { subdistrictId: sub.id } as BoardPlace,
      subdistricts: [] as Unit[],
      communities: units,
    };
  const district = await theDistrict(db);
  const subs = await db
    .select({ id: subdistricts.id, slug: subdistricts.slug, name: subdistricts.name, nameEn: subdistricts.nameEn })
    .from(subdistricts)
    .orderBy(asc(subdistricts.slug));
  return {
    label: { kind: 'district', ...named(district) } as PlaceLabel,
    ref: { subdistrictId: null, communityId: null } satisfies PlaceRef,
    objectType: 'place' as ObjectType,
    where: {} as BoardPlace,
    subdistricts: subs.map((s) => ({ ...s, kind: 'subdistrict' as const })),
    communities: units,
  };
}
export type ReportPlace = Awaited<ReturnType<typeof reportPlace>>;

/** A unit's label without its id. */
export const labelOf = ({ kind, slug, name, nameEn }: PlaceLabel): PlaceLabel => ({ kind, slug, name, nameEn });
