import { and, asc, desc, eq, inArray, type SQL, type SQLWrapper, sql } from 'drizzle-orm';
import {
  articles,
  communities,
  compounds,
  partners,
  renovationItemChanges,
  renovationPlanItems,
  renovationProjectArticles,
  renovationProjectPartners,
  renovationProjects,
  renovationWishes,
  subdistricts,
} from '../../schema/index.ts';
import { ApiError } from '../lib/errors.ts';
import type { Db } from '../lib/platform.ts';
import type { PlaceRef, StaffMember } from '../staff/policy.ts';

type ProjectRecord = typeof renovationProjects.$inferSelect;
type ItemRecord = typeof renovationPlanItems.$inferSelect;

/** The one answer for a project that does not exist or lies outside a staff member's place. */
export const projectNotFound = () => new ApiError(404, 'project_not_found', 'No such renovation project.');
export const itemNotFound = () => new ApiError(404, 'plan_item_not_found', 'No such plan item.');

/** Where a project belongs, as the policy judges it. */
export const projectPlace = (p: Pick<ProjectRecord, 'subdistrictId' | 'communityId' | 'compoundId'>): PlaceRef => ({
  subdistrictId: p.subdistrictId,
  communityId: p.communityId,
  compoundId: p.compoundId,
});

/**
 * The projects a staff member may see, as a SQL condition for lists; it mirrors `seesPlace` for
 * the roles that hold the renovation actions (the others are turned away before it is used).
 */
export function projectScope(staff: StaffMember): SQL | undefined {
  switch (staff.role) {
    case 'admin':
      return undefined;
    case 'subdistrict':
      return eq(renovationProjects.subdistrictId, staff.subdistrictId ?? -1);
    case 'community':
      return eq(renovationProjects.communityId, staff.communityId ?? -1);
    default:
      return sql`0`;
  }
}

const placeColumns = {
  project: renovationProjects,
  compound: {
    slug: compounds.slug,
    name: compounds.name,
    nameEn: compounds.nameEn,
    nameAssumed: compounds.nameAssumed,
  },
  community: {
    slug: communities.slug,
    name: communities.name,
    nameEn: communities.nameEn,
    nameAssumed: communities.nameAssumed,
  },
  subdistrict: { slug: subdistricts.slug, name: subdistricts.name, nameEn: subdistricts.nameEn },
  wishCount: sql<number>`(select count(*) from ${renovationWishes} w where w.project_id = ${renovationProjects.id})`,
  cameTrueCount: sql<number>`(select count(*) from ${renovationWishes} w where w.project_id = ${renovationProjects.id} and w.outcome = 'came_true')`,
};

/** Projects with their places and counts, newest first. */
export function findProjects(db: Db, where: SQL | undefined) {
  return db
    .select(placeColumns)
    .from(renovationProjects)
    .innerJoin(compounds, eq(compounds.id, renovationProjects.compoundId))
    .innerJoin(communities, eq(communities.id, renovationProjects.communityId))
    .innerJoin(subdistricts, eq(subdistricts.id, renovationProjects.subdistrictId))
    .where(where)
    .orderBy(desc(renovationProjects.createdAt), desc(renovationProjects.id))
    .limit(100);
}
export type ProjectRow = Awaited<ReturnType<typeof findProjects>>[number];

export async function loadProject(db: Db, id: number): Promise<ProjectRow | undefined> {
  return (await findProjects(db, eq(renovationProjects.id, id)))[0];
}

/**
 * Residents' projects of a community or a compound with their plan items, in one batch; 404 for
 * a slug that names neither.
 */
export async function projectsOfPlace(db: Db, by: { community?: string; compound?: string }) {
  const [places, column, notFound] = by.community
    ? [communities, renovationProjects.communityId, new ApiError(404, 'community_not_found', 'No such community.')]
    : [compounds, renovationProjects.compoundId, new ApiError(404, 'place_not_found', 'No such compound.')];
  const place = db
    .select({ id: places.id })
    .from(places)
    .where(eq(places.slug, by.community ?? by.compound ?? ''));
  const ofPlace = eq(column, sql`(${place})`);
  const [found, rows, items] = await db.batch([
    place,
    findProjects(db, ofPlace),
    itemsQuery(db, db.select({ id: renovationProjects.id }).from(renovationProjects).where(ofPlace)),
  ]);
  if (!found.length) throw notFound;
  return rows.map((r) => projectSummary(r, items));
}

/** The plan items of some projects (ids, at least one, or a query of ids), in plan order: a query to batch. */
export const itemsQuery = (db: Db, projectIds: number[] | SQLWrapper) =>
  db
    .select()
    .from(renovationPlanItems)
    .where(inArray(renovationPlanItems.projectId, projectIds))
    .orderBy(asc(renovationPlanItems.position), asc(renovationPlanItems.id));
export async function itemsOf(db: Db, projectIds: number[]) {
  return projectIds.length ? itemsQuery(db, projectIds) : [];
}

export async function loadItem(db: Db, id: number): Promise<ItemRecord | undefined> {
  const [item] = await db.select().from(renovationPlanItems).where(eq(renovationPlanItems.id, id));
  return item;
}

/** The status changes of a project's items with their public reasons, oldest first. */
export function itemHistory(db: Db, projectId: number) {
  return db
    .select({
      itemId: renovationItemChanges.itemId,
      at: renovationItemChanges.at,
      fromStatus: renovationItemChanges.fromStatus,
      toStatus: renovationItemChanges.toStatus,
      reason: renovationItemChanges.reason,
    })
    .from(renovationItemChanges)
    .where(
      inArray(
        renovationItemChanges.itemId,
        db
          .select({ id: renovationPlanItems.id })
          .from(renovationPlanItems)
          .where(eq(renovationPlanItems.projectId, projectId)),
      ),
    )
    .orderBy(asc(renovationItemChanges.at), asc(renovationItemChanges.id));
}

/** A plan item's photos, served publicly by the renovation router. */
export const itemPhotoUrl = (itemId: number, which: 'before' | 'after') =>
  `/api/renovation/items/${itemId}/photos/${which}`;

/** What anyone may see of a plan item. */
export const publicItem = (i: ItemRecord) => ({
  id: i.id,
  title: i.title,
  description: i.description,
  status: i.status,
  statusReason: i.statusReason,
  expectedOn: i.expectedOn,
  doneOn: i.doneOn,
  beforePhoto: i.beforePhotoKey ? { url: itemPhotoUrl(i.id, 'before') } : null,
  afterPhoto: i.afterPhotoKey ? { url: itemPhotoUrl(i.id, 'after') } : null,
});

/** The contractor and supervisor organisations of a project. */
export function partnersOf(db: Db, projectId: number) {
  return db
    .select({ slug: partners.slug, name: partners.name, nameEn: partners.nameEn, role: renovationProjectPartners.role })
    .from(renovationProjectPartners)
    .innerJoin(partners, eq(partners.id, renovationProjectPartners.partnerId))
    .where(eq(renovationProjectPartners.projectId, projectId))
    .orderBy(asc(renovationProjectPartners.role), asc(partners.slug));
}

/** The news articles linked to a project; residents get only the published ones. */
export function articlesOf(db: Db, projectId: number, which: 'published' | 'all') {
  return db
    .select({
      id: articles.id,
      headline: articles.headline,
      kicker: articles.kicker,
      summary: articles.summary,
      status: articles.status,
      publishedAt: articles.publishedAt,
    })
    .from(renovationProjectArticles)
    .innerJoin(articles, eq(articles.id, renovationProjectArticles.articleId))
    .where(
      and(
        eq(renovationProjectArticles.projectId, projectId),
        which === 'published' ? eq(articles.status, 'published') : undefined,
      ),
    )
    .orderBy(desc(articles.publishedAt), asc(articles.id));
}

/** The fields of a project every answer shows. */
export function projectSummary(row: ProjectRow, items: ItemRecord[]) {
  const p = row.project;
  return {
    id: p.id,
    title: p.title,
    summary: p.summary,
    status: p.status,
    ledBy: p.ledBy,
    demo: p.demo,
    compound: row.compound,
    community: row.community,
    subdistrict: row.subdistrict,
    dates: {
      consultationStartsOn: p.consultationStartsOn,
      planAgreedOn: p.planAgreedOn,
      constructionStartsOn: p.constructionStartsOn,
      completedOn: p.completedOn,
    },
    items: items.filter((i) => i.projectId === p.id).map(publicItem),
    counts: { wishes: row.wishCount, cameTrue: row.cameTrueCount },
  };
}
