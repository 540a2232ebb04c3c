import { and, eq, isNull, or, type Placeholder, type SQL, sql } from 'drizzle-orm';
import { communities, events, subdistricts } from '../../schema/index.ts';
import type { Db } from '../lib/platform.ts';
import { prepared } from '../lib/prepared.ts';
import { communityNotFound, findSubdistrict } from '../places/places.ts';

type Named = { slug: string; name: string; nameEn: string };

/** A community's own events and those its sub-district organises itself (values or placeholders). */
export const communityEvents = (communityId: number | Placeholder, subdistrictId: number | Placeholder) =>
  or(eq(events.communityId, communityId), and(isNull(events.communityId), eq(events.subdistrictId, subdistrictId)))!;

const named = { slug: subdistricts.slug, name: subdistricts.name, nameEn: subdistricts.nameEn };
const communityWithSubdistrict = prepared((db) =>
  db
    .select({
      id: communities.id,
      slug: communities.slug,
      name: communities.name,
      nameEn: communities.nameEn,
      subdistrictId: communities.subdistrictId,
      subdistrict: named,
    })
    .from(communities)
    .innerJoin(subdistricts, eq(subdistricts.id, communities.subdistrictId))
    .where(eq(communities.slug, sql.placeholder('slug')))
    .prepare(),
);

/**
 * The events residents of a place should see, as a SQL condition: a community's own events and
 * those its sub-district organises itself (the Mifengzhang outreach reaches every community);
 * or, for a sub-district, everything organised in it.
 */
export async function placeFilter(
  db: Db,
  by: { community?: string; subdistrict?: string },
): Promise<{
  where: SQL;
  subdistrict: Named;
  community: Named | null;
  ids: { communityId: number | null; subdistrictId: number };
}> {
  if (by.community) {
    const found = await communityWithSubdistrict(db).get({ slug: by.community });
    if (!found) throw communityNotFound();
    const { id, subdistrictId, subdistrict, ...community } = found;
    return {
      where: communityEvents(id, subdistrictId),
      subdistrict,
      community,
      ids: { communityId: id, subdistrictId },
    };
  }
  const { id, slug, name, nameEn } = await findSubdistrict(db, by.subdistrict ?? '');
  return {
    where: eq(events.subdistrictId, id),
    subdistrict: { slug, name, nameEn },
    community: null,
    ids: { communityId: null, subdistrictId: id },
  };
}
