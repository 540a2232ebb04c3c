import { eq, sql } from 'drizzle-orm';
import { communities, subdistricts } from '../../schema/index.ts';
import { prepared } from '../lib/prepared.ts';

/** A community by its slug, as most resident requests start. */
export const communityBySlug = prepared((db) => db.select().from(communities).where(eq(communities.slug, sql.placeholder('slug'))).prepare());

/** A sub-district by its slug. */
export const subdistrictBySlug = prepared((db) => db.select().from(subdistricts).where(eq(subdistricts.slug, sql.placeholder('slug'))).prepare());
