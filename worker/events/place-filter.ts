import { and, eq, isNull, or, type Placeholder, type SQL } from 'drizzle-orm';
import { communities, events, subdistricts } from '../../schema/index.ts';
import type { Db } from '../lib/platform.ts';
import {
  communityIdOf,
  communityNotFound,
  communitySubdistrictIdOf,
  subdistrictIdOf,
  subdistrictNotFound,
} from '../places/places.ts';
import { type EventRow, type eventsQuery, withoutEmptyPlaces } from './views.ts';

type Named = { slug: string; name: string; nameEn: string };

/** A community's own events and those its sub-district organises itself (values or placeholders). */
export const communityEvents = (communityId: number | Placeholder | SQL, subdistrictId: number | Placeholder | SQL) =>
  or(eq(events.communityId, communityId), and(isNull(events.communityId), eq(events.subdistrictId, subdistrictId)))!;

const named = { slug: subdistricts.slug, name: subdistricts.name, nameEn: subdistricts.nameEn };

/**
 * The events residents of a place should see, read in one round trip with the place itself: a
 * community's own events and those its sub-district organises itself (the Mifengzhang outreach
 * reaches every community); or, for a sub-district, everything organised in it. `read` turns the
 * place's condition into the events query (lists.ts). 404 for an unknown slug.
 */
export async function placeEvents(
  db: Db,
  by: { community?: string; subdistrict?: string },
  read: (where: SQL) => ReturnType<typeof eventsQuery>,
): Promise<{ subdistrict: Named; community: Named | null; rows: EventRow[] }> {
  if (by.community) {
    const [[found], rows] = await db.batch([
      db
        .select({ slug: communities.slug, name: communities.name, nameEn: communities.nameEn, subdistrict: named })
        .from(communities)
        .innerJoin(subdistricts, eq(subdistricts.id, communities.subdistrictId))
        .where(eq(communities.slug, by.community)),
      read(communityEvents(communityIdOf(by.community), communitySubdistrictIdOf(by.community))),
    ]);
    if (!found) throw communityNotFound();
    const { subdistrict, ...community } = found;
    return { subdistrict, community, rows: withoutEmptyPlaces(rows) };
  }
  const slug = by.subdistrict ?? '';
  const [[subdistrict], rows] = await db.batch([
    db.select(named).from(subdistricts).where(eq(subdistricts.slug, slug)),
    read(eq(events.subdistrictId, subdistrictIdOf(slug))),
  ]);
  if (!subdistrict) throw subdistrictNotFound();
  return { subdistrict, community: null, rows: withoutEmptyPlaces(rows) };
}
