import { and, asc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import {
  partners,
  renovationPlanItems,
  renovationProjectPartners,
  renovationQualityProblems,
  volunteers,
} from '../../schema/index.ts';
import { ApiError, versionConflict } from '../lib/errors.ts';
import type { RecordAnswer } from '../lib/idempotency.ts';
import type { Db } from '../lib/platform.ts';
import { requireUnclaimed } from '../lib/uploads.ts';
import { auditEntry, auditEntryOrAbort } from '../staff/audit.ts';
import type { StaffMember } from '../staff/policy.ts';
import { guarded } from './plan.ts';
import type { NewProblem } from './volunteer-input.ts';

export const problemNotFound = () => new ApiError(404, 'quality_problem_not_found', 'No such quality problem.');

const columns = {
  problem: renovationQualityProblems,
  reporter: { name: volunteers.name, phone: volunteers.phone, publicConsent: volunteers.publicConsent },
  itemTitle: renovationPlanItems.title,
};

/** Quality problems with their reporters, oldest first. */
export function findProblems(db: Db, where: SQL | undefined) {
  return db
    .select(columns)
    .from(renovationQualityProblems)
    .innerJoin(volunteers, eq(volunteers.id, renovationQualityProblems.volunteerId))
    .innerJoin(renovationPlanItems, eq(renovationPlanItems.id, renovationQualityProblems.itemId))
    .where(where)
    .orderBy(asc(renovationQualityProblems.createdAt), asc(renovationQualityProblems.id));
}
type ProblemRow = Awaited<ReturnType<typeof findProblems>>[number];

export const problemsOfProjects = (db: Db, projectIds: number[]) =>
  findProblems(db, inArray(renovationQualityProblems.projectId, projectIds));

export async function loadProblem(db: Db, id: number): Promise<ProblemRow | undefined> {
  return (await findProblems(db, eq(renovationQualityProblems.id, id)))[0];
}

/** What anyone sees of a quality problem: the words and the answer; the reporter by name only if they agreed. */
export const publicProblem = ({ problem: p, reporter }: ProblemRow) => ({
  id: p.id,
  itemId: p.itemId,
  description: p.description,
  status: p.status,
  answer: p.answer,
  answeredAt: p.answeredAt,
  createdAt: p.createdAt,
  photoCount: p.photoKeys.length,
  reportedBy: reporter.publicConsent ? reporter.name : null,
});

/** The working group's view: the reporter's name and phone to call back, and the version to answer. */
export const staffProblem = (row: ProblemRow) => ({
  ...publicProblem(row),
  itemTitle: row.itemTitle,
  reporter: { name: row.reporter.name, phone: row.reporter.phone },
  version: row.problem.version,
});

/** The project's contractors and how to reach them: a quality problem goes to them too. */
export async function contractorsOf(db: Db, projectId: number) {
  return db
    .select({ name: partners.name, nameEn: partners.nameEn, contact: partners.contact })
    .from(renovationProjectPartners)
    .innerJoin(partners, eq(partners.id, renovationProjectPartners.partnerId))
    .where(and(eq(renovationProjectPartners.projectId, projectId), eq(renovationProjectPartners.role, 'contractor')));
}

/** A quality supervisor's report on a plan item, with its photos and the audit entry, in one batch. */
export async function reportProblem(
  db: Db,
  by: { staff: StaffMember; volunteerId: number },
  item: { id: number; projectId: number },
  input: NewProblem,
  now: number,
  record?: RecordAnswer,
) {
  await requireUnclaimed(db, input.photos, 'A photo was not uploaded, or belongs to another request.');
  const id = sql`(select max(id) from ${renovationQualityProblems})`;
  const [[created]] = await db.batch([
    db
      .insert(renovationQualityProblems)
      .values({
        projectId: item.projectId,
        itemId: item.id,
        volunteerId: by.volunteerId,
        description: input.description,
        photoKeys: input.photos,
        createdAt: now,
      })
      .returning({ id: renovationQualityProblems.id }),
    ...(record ? [record(sql`json_object('id', ${id})`)] : []),
    auditEntry(db, by.staff, 'renovation.problem.report', 'quality_problem', id, now, { item: item.id }),
  ]);
  return { id: created!.id };
}

/** Staff answer a quality problem publicly, as of the version read. */
export async function answerProblem(
  db: Db,
  who: StaffMember,
  p: ProblemRow['problem'],
  input: { version: number; answer: string },
  now: number,
) {
  if (input.version !== p.version) throw versionConflict('quality problem');
  await guarded(db, 'quality problem', [
    db
      .update(renovationQualityProblems)
      .set({
        status: 'answered',
        answer: input.answer,
        answeredByStaffId: who.id,
        answeredAt: now,
        version: sql`${renovationQualityProblems.version} + 1`,
      })
      .where(and(eq(renovationQualityProblems.id, p.id), eq(renovationQualityProblems.version, input.version))),
    auditEntryOrAbort(db, who, 'renovation.problem.answer', 'quality_problem', p.id, now),
  ]);
}
