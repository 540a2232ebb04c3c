import { and, asc, eq, type SQL } from 'drizzle-orm';
import { communities, ticketCategories } from '../../schema/index.ts';
import { ApiError } from '../lib/errors.ts';
import type { Db } from '../lib/platform.ts';
import { auditEntry } from '../staff/audit.ts';
import type { StaffMember } from '../staff/policy.ts';

type Category = typeof ticketCategories.$inferSelect;
type NewCategory = Omit<typeof ticketCategories.$inferInsert, 'id' | 'communityId'>;
type Community = { id: number | SQL; slug: string };

/**
 * What residents choose from when they file: the community's active categories, in the staff's
 * order. A category linked to home visits points to their request form instead (`homeVisits`).
 */
export async function activeCategories(db: Db, community: Community) {
  const rows = await db
    .select({
      code: ticketCategories.code,
      name: ticketCategories.name,
      nameEn: ticketCategories.nameEn,
      examples: ticketCategories.examples,
      examplesEn: ticketCategories.examplesEn,
      owner: ticketCategories.owner,
      serviceDays: ticketCategories.serviceDays,
      homeVisits: ticketCategories.homeVisits,
    })
    .from(ticketCategories)
    .where(and(eq(ticketCategories.communityId, community.id), eq(ticketCategories.active, true)))
    .orderBy(asc(ticketCategories.sortOrder), asc(ticketCategories.id));
  return rows.map((r) => ({
    ...r,
    homeVisits: r.homeVisits
      ? { services: `/api/home-visits/services?community=${community.slug}`, request: '/api/home-visits' }
      : null,
  }));
}

/** Every category of the community, inactive ones too, as staff keep them. */
export async function communityCategories(db: Db, communityId: number) {
  return db
    .select()
    .from(ticketCategories)
    .where(eq(ticketCategories.communityId, communityId))
    .orderBy(asc(ticketCategories.sortOrder), asc(ticketCategories.id));
}

/** Adds a category with its audit entry; 409 when the community already has its code. */
export async function createCategory(
  db: Db,
  staff: StaffMember,
  community: Community,
  input: NewCategory,
  now: number,
): Promise<Category> {
  const [result] = await db.batch([
    db
      .insert(ticketCategories)
      .values({ ...input, communityId: community.id })
      .onConflictDoNothing()
      .returning(),
    auditEntry(db, staff, 'category.create', 'ticket_category', `${community.slug}/${input.code}`, now, input),
  ]);
  if (!result.length)
    throw new ApiError(409, 'category_exists', 'This community already has a category with this code.', {
      code: 'Taken.',
    });
  return result[0]!;
}

/** A category with its community, or the 404 `category_not_found`. */
export async function findCategory(db: Db, id: number) {
  const [category] = await db.select().from(ticketCategories).where(eq(ticketCategories.id, id));
  if (!category) throw new ApiError(404, 'category_not_found', 'No such category.');
  const [community] = await db.select().from(communities).where(eq(communities.id, category.communityId));
  return { category, community: community! };
}

/** Changes a category's fields, with its audit entry. */
export async function updateCategory(
  db: Db,
  staff: StaffMember,
  id: number,
  changes: Partial<NewCategory>,
  now: number,
): Promise<Category> {
  const [updated] = await db.batch([
    db
      .update(ticketCategories)
      .set(changes)
      .where(and(eq(ticketCategories.id, id)))
      .returning(),
    auditEntry(db, staff, 'category.update', 'ticket_category', id, now, changes),
  ]);
  return updated[0]!;
}
