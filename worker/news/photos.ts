import { and, eq, or, sql } from 'drizzle-orm';
import { articles } from '../../schema/index.ts';
import type { Db } from '../lib/platform.ts';

/** Whether a published article shows this photo: as its lead, among its photos, or in its body. */
export async function isPublishedPhoto(db: Db, key: string): Promise<boolean> {
  const shown = await db
    .select({ id: articles.id })
    .from(articles)
    .where(
      and(
        eq(articles.status, 'published'),
        or(
          eq(articles.leadPhotoKey, key),
          sql`exists (select 1 from json_each(${articles.photos}) where json_extract(value, '$.key') = ${key})`,
          sql`instr(${articles.body}, ${`/photos/${key}`}) > 0`,
        ),
      ),
    )
    .limit(1);
  return shown.length > 0;
}
