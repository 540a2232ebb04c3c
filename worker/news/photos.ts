import { and, eq, inArray, or, type SQL, sql } from 'drizzle-orm';
import { articles, photos } from '../../schema/index.ts';
import type { Db } from '../lib/platform.ts';
import { unclaimed } from '../lib/uploads.ts';
import { decide, roleAllows, type StaffMember } from '../staff/policy.ts';

/** Articles that show this photo: as their lead, among their photos, or in their body. */
const showing = (key: string | SQL) =>
  or(
    eq(articles.leadPhotoKey, key),
    sql`exists (select 1 from json_each(${articles.photos}) where json_extract(value, '$.key') = ${key})`,
    sql`instr(${articles.body}, ${sql`'/photos/' || ${key}`}) > 0`,
  );

/**
 * Whether any article (draft or published) shows the photo row's key: such an upload is in use,
 * so the hourly job does not remove it as unclaimed.
 * @example db.select().from(photos).where(sql`not ${shownInNews()}`)
 */
export const shownInNews = (): SQL => sql`exists (select 1 from ${articles} where ${showing(sql`${photos.key}`)})`;

/**
 * Who may see a photo at /photos/KEY: everyone once a published article shows it; before that,
 * staff who may draft news where an article showing it lies, or, for an upload no article shows
 * yet, staff who draft news at all. A resident's ticket or wish photo is never served here: only the
 * ticket's own route serves it, under the ticket's policy.
 * @example const audience = await photoAudience(db, key, () => currentStaff(c))
 */
export async function photoAudience(
  db: Db,
  key: string,
  staff: () => Promise<StaffMember | null>,
): Promise<'public' | 'staff' | null> {
  const shownBy = await db
    .select({ status: articles.status, subdistrictId: articles.subdistrictId, communityId: articles.communityId })
    .from(articles)
    .where(showing(key))
    .limit(50);
  if (shownBy.some((a) => a.status === 'published')) return 'public';
  const member = await staff();
  if (!member) return null;
  if (shownBy.length) return shownBy.some((a) => decide(member, 'news.draft', a) === 'allow') ? 'staff' : null;
  const [upload] = await db
    .select({ key: photos.key })
    .from(photos)
    .where(and(eq(photos.key, key), unclaimed()));
  return upload && roleAllows(member, 'news.draft') ? 'staff' : null;
}

/** The stored type and size of photos, for feed enclosures (RSS wants both). */
export async function photoFiles(db: Db, keys: string[]): Promise<Map<string, { type: string; length: number }>> {
  if (!keys.length) return new Map();
  const rows = await db
    .select({ key: photos.key, type: photos.type, size: photos.size })
    .from(photos)
    .where(inArray(photos.key, keys));
  return new Map(rows.map((r) => [r.key, { type: r.type, length: r.size }]));
}
