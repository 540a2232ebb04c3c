import { and, eq, isNull, or, type SQL } from 'drizzle-orm';
import { communities, events, subdistricts } from '../../schema/index.ts';
import { ApiError } from '../lib/errors.ts';
import type { Db } from '../lib/platform.ts';

type Named = { slug: string; name: string; nameEn: string };

/**
 * The events residents of a place should see, as a SQL condition: a community's own events and
 * those its sub-district organises itself (the Mifengzhang outreach reaches every community);
 * or, for a sub-district, everything organised in it.
 */
export async function placeFilter(db: Db, by: { community?: string; subdistrict?: string }): Promise<{ where: SQL; subdistrict: Named; community: Named | null }> {
  const named = { slug: subdistricts.slug, name: subdistricts.name, nameEn: subdistricts.nameEn };
  if (by.community) {
    const [found] = await db
      .select({ id: communities.id, slug: communities.slug, name: communities.name, nameEn: communities.nameEn, subdistrictId: communities.subdistrictId, subdistrict: named })
      .from(communities)
      .innerJoin(subdistricts, eq(subdistricts.id, communities.subdistrictId))
      .where(eq(communities.slug, by.community));
    if (!found) throw new ApiError(404, 'community_not_found', 'No such community.');
    const { id, subdistrictId, subdistrict, ...community } = found;
    return {
      where: or(eq(events.communityId, id), and(isNull(events.communityId), eq(events.subdistrictId, subdistrictId)))!,
      subdistrict,
      community,
    };
  }
  const [found] = await db.select({ id: subdistricts.id, ...named }).from(subdistricts).where(eq(subdistricts.slug, by.subdistrict ?? ''));
  if (!found) throw new ApiError(404, 'subdistrict_not_found', 'No such sub-district.');
  const { id, ...subdistrict } = found;
  return { where: eq(events.subdistrictId, id), subdistrict, community: null };
}
