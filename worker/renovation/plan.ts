import { and, eq, inArray, sql } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import {
  articles,
  partners,
  renovationItemChanges,
  renovationPlanItems,
  renovationProjectArticles,
  renovationProjectPartners,
  renovationProjects,
} from '../../schema/index.ts';
import { invalidField, versionConflict } from '../lib/errors.ts';
import type { Db } from '../lib/platform.ts';
import { zhengzhouDay } from '../lib/time.ts';
import { requireUnclaimed } from '../lib/uploads.ts';
import { compoundPlace } from '../places/places.ts';
import { auditEntry, auditEntryOrAbort, isLostRace } from '../staff/audit.ts';
import { authorize, type StaffMember, seesPlace } from '../staff/policy.ts';
import type { ItemEdit, NewItem, NewProject, ProjectEdit } from './input.ts';
import type { ProjectRow } from './projects.ts';

type ItemRecord = typeof renovationPlanItems.$inferSelect;
const invalid = invalidField;

/** Runs a batch whose second statement is `auditEntryOrAbort`: a lost race becomes the 409. */
export async function guarded(db: Db, what: string, statements: BatchItem<'sqlite'>[]) {
  try {
    return await db.batch(statements as [BatchItem<'sqlite'>, ...BatchItem<'sqlite'>[]]);
  } catch (err) {
    if (isLostRace(err)) throw versionConflict(what);
    throw err;
  }
}

/** The project's partner organisations by slug; each must be of the kind of its role. */
async function resolvePartners(db: Db, given: NewProject['partners']) {
  if (!given.length) return [];
  const found = await db
    .select()
    .from(partners)
    .where(
      inArray(
        partners.slug,
        given.map((p) => p.partner),
      ),
    );
  return given.map((p, i) => {
    const partner = found.find((f) => f.slug === p.partner);
    if (!partner || partner.kind !== p.role)
      throw invalid(`partners.${i}.partner`, `No ${p.role} organisation with this code.`);
    return { partnerId: partner.id, role: p.role };
  });
}

/** News articles staff may link: ones that exist in a place they see. */
async function resolveArticles(db: Db, staff: StaffMember, ids: number[]) {
  if (!ids.length) return [];
  const found = await db
    .select({ id: articles.id, subdistrictId: articles.subdistrictId, communityId: articles.communityId })
    .from(articles)
    .where(inArray(articles.id, ids));
  return [...new Set(ids)].map((id, i) => {
    const article = found.find((a) => a.id === id);
    if (!article || !(staff.role === 'admin' || seesPlace(staff, article) || article.subdistrictId === null))
      throw invalid(`articles.${i}`, 'No such news article.');
    return id;
  });
}

const projectId = sql`(select max(id) from ${renovationProjects})`;
const links = (
  db: Db,
  id: number | typeof projectId,
  ps: { partnerId: number; role: 'contractor' | 'supervisor' }[],
  as: number[],
) => [
  ...ps.map((p) =>
    db
      .insert(renovationProjectPartners)
      .values({ projectId: id, ...p })
      .onConflictDoNothing(),
  ),
  ...as.map((articleId) =>
    db.insert(renovationProjectArticles).values({ projectId: id, articleId }).onConflictDoNothing(),
  ),
];

/** Creates a project in a compound of the staff member's place, with its partners, news and audit entry. */
export async function createProject(db: Db, staff: StaffMember, input: NewProject, now: number): Promise<number> {
  const place = await compoundPlace(db, input.compound);
  if (!place) throw invalid('compound', 'No such compound.');
  authorize(staff, 'renovation.manage', place, 'place');
  const ps = await resolvePartners(db, input.partners);
  const as = await resolveArticles(db, staff, input.articles);
  const { compound: _, partners: __, articles: ___, ...fields } = input;
  const [[created]] = await db.batch([
    db
      .insert(renovationProjects)
      .values({ ...fields, ...place, createdByStaffId: staff.id, createdAt: now, updatedAt: now })
      .returning({ id: renovationProjects.id }),
    auditEntry(db, staff, 'renovation.project.create', 'renovation_project', projectId, now, { title: input.title }),
    ...links(db, projectId, ps, as),
  ]);
  return created!.id;
}

/** Changes a project as of the version read; partners and news, when given, are replaced. */
export async function editProject(db: Db, staff: StaffMember, row: ProjectRow, edit: ProjectEdit, now: number) {
  const { version, partners: givenPartners, articles: givenArticles, ...fields } = edit;
  const id = row.project.id;
  const ps = givenPartners ? await resolvePartners(db, givenPartners) : undefined;
  const as = givenArticles ? await resolveArticles(db, staff, givenArticles) : undefined;
  if (version !== row.project.version) throw versionConflict('project');
  await guarded(db, 'project', [
    db
      .update(renovationProjects)
      .set({ ...fields, updatedAt: now, version: sql`${renovationProjects.version} + 1` })
      .where(and(eq(renovationProjects.id, id), eq(renovationProjects.version, version))),
    auditEntryOrAbort(db, staff, 'renovation.project.edit', 'renovation_project', id, now, {
      fields: Object.keys(edit).filter((k) => k !== 'version'),
    }),
    ...(ps ? [db.delete(renovationProjectPartners).where(eq(renovationProjectPartners.projectId, id))] : []),
    ...(as ? [db.delete(renovationProjectArticles).where(eq(renovationProjectArticles.projectId, id))] : []),
    ...links(db, id, ps ?? [], as ?? []),
  ]);
}

/** Item photos are staff uploads no resident's ticket or wish holds. */
async function checkItemPhotos(db: Db, input: { beforePhoto?: string | null; afterPhoto?: string | null }) {
  for (const field of ['beforePhoto', 'afterPhoto'] as const) {
    const key = input[field];
    if (key) await requireUnclaimed(db, [key], 'Upload the photo first.', field);
  }
}

/** Adds a plan item at the end of the plan, with its first status in its history. */
export async function createItem(db: Db, staff: StaffMember, row: ProjectRow, input: NewItem, now: number) {
  await checkItemPhotos(db, input);
  const { beforePhoto, afterPhoto, reason, ...fields } = input;
  const itemId = sql`(select max(id) from ${renovationPlanItems})`;
  const [[created]] = await db.batch([
    db
      .insert(renovationPlanItems)
      .values({
        ...fields,
        projectId: row.project.id,
        statusReason: reason || null,
        beforePhotoKey: beforePhoto ?? null,
        afterPhotoKey: afterPhoto ?? null,
        doneOn: fields.doneOn ?? (fields.status === 'done' ? zhengzhouDay(now) : null),
        position: sql`(select coalesce(max(position), 0) + 1 from ${renovationPlanItems} where project_id = ${row.project.id})`,
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: renovationPlanItems.id }),
    db.insert(renovationItemChanges).values({
      itemId,
      at: now,
      fromStatus: null,
      toStatus: fields.status,
      reason: reason || null,
      staffId: staff.id,
    }),
    auditEntry(db, staff, 'renovation.item.create', 'renovation_plan_item', itemId, now, { title: input.title }),
  ]);
  return created!.id;
}

/** Changes a plan item as of the version read; a status change goes into its history with its public reason. */
export async function editItem(db: Db, staff: StaffMember, item: ItemRecord, edit: ItemEdit, now: number) {
  await checkItemPhotos(db, edit);
  const { version, beforePhoto, afterPhoto, reason, ...fields } = edit;
  if (version !== item.version) throw versionConflict('plan item');
  const moves = fields.status !== undefined && fields.status !== item.status;
  await guarded(db, 'plan item', [
    db
      .update(renovationPlanItems)
      .set({
        ...fields,
        ...(beforePhoto !== undefined ? { beforePhotoKey: beforePhoto } : {}),
        ...(afterPhoto !== undefined ? { afterPhotoKey: afterPhoto } : {}),
        ...(moves || reason !== undefined ? { statusReason: reason || null } : {}),
        ...(moves && fields.status === 'done' && !fields.doneOn && !item.doneOn ? { doneOn: zhengzhouDay(now) } : {}),
        updatedAt: now,
        version: sql`${renovationPlanItems.version} + 1`,
      })
      .where(and(eq(renovationPlanItems.id, item.id), eq(renovationPlanItems.version, version))),
    auditEntryOrAbort(db, staff, 'renovation.item.edit', 'renovation_plan_item', item.id, now, {
      ...(moves ? { from: item.status, to: fields.status } : {}),
    }),
    ...(moves
      ? [
          db.insert(renovationItemChanges).values({
            itemId: item.id,
            at: now,
            fromStatus: item.status,
            toStatus: fields.status!,
            reason: reason || null,
            staffId: staff.id,
          }),
        ]
      : []),
  ]);
}
