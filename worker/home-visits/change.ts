import { and, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import { type HomeVisitStatus, homeVisitEntries, homeVisits } from '../../schema/index.ts';
import { ApiError, versionConflict } from '../lib/errors.ts';
import type { Db } from '../lib/platform.ts';
import { visitMessage } from '../messages/subjects.ts';
import { transitions, type VisitTransition, visitTransitionProblem } from './lifecycle.ts';

export type VisitRow = typeof homeVisits.$inferSelect;

export type VisitEntry = {
  kind: string;
  visibility: 'public' | 'internal';
  body?: string | null;
  actor: 'resident' | 'staff' | 'partner' | 'system';
  staffId?: number | null;
  detail?: Record<string, unknown>;
  /** For the first entry, which starts the visit in a status without coming from one. */
  toStatus?: HomeVisitStatus;
};

/**
 * Takes one step of the workflow and writes its timeline entry in one batch, only if nobody
 * changed the visit since `version` was read and it is still in a status the step starts from.
 * A lost race or a stale step is a 409, never a silent overwrite.
 * @example await changeVisit(db, visit, { step: 'approve', version: 1, now, entry: { kind: 'reviewed', … } })
 */
export async function changeVisit(
  db: Db,
  visit: VisitRow,
  change: {
    step: VisitTransition;
    version: number;
    now: number;
    set?: Partial<VisitRow>;
    entry: VisitEntry;
    /** More statements to land with it, each guarded by `changes() = 1` (e.g. `auditEntryIfChanged`). */
    also?: BatchItem<'sqlite'>[];
  },
): Promise<void> {
  const rule = transitions[change.step];
  const problem = visitTransitionProblem(change.step, visit.status);
  if (problem) throw new ApiError(409, 'invalid_transition', problem);
  if (change.version !== visit.version) throw versionConflict('home visit');
  const e = change.entry;
  const [updated] = await db.batch([
    db
      .update(homeVisits)
      .set({ ...change.set, status: rule.to, version: sql`${homeVisits.version} + 1`, updatedAt: change.now })
      .where(
        and(
          eq(homeVisits.id, visit.id),
          eq(homeVisits.version, change.version),
          inArray(homeVisits.status, rule.from as readonly HomeVisitStatus[] as HomeVisitStatus[]),
        ),
      ),
    db.run(sql`
      insert into ${homeVisitEntries} (visit_id, at, kind, visibility, body, from_status, to_status, staff_id, actor, detail)
      select ${visit.id}, ${change.now}, ${e.kind}, ${e.visibility}, ${e.body ?? null}, ${visit.status}, ${rule.to},
        ${e.staffId ?? null}, ${e.actor}, ${e.detail ? JSON.stringify(e.detail) : null}
      where changes() = 1`),
    ...(change.also ?? []),
    // The requester who opted in hears of each public step that is not their own.
    ...(e.visibility === 'public' && e.actor !== 'resident'
      ? [visitMessage(db, visit, rule.to, change.set?.slotStart ?? visit.slotStart, change.now)]
      : []),
  ]);
  if (updated.rowsAffected !== 1) throw versionConflict('home visit');
}

/** A timeline entry that changes nothing else (a note, information, a rating's words). */
export function visitEntry(db: Db, visitId: number | SQL, now: number, e: VisitEntry) {
  return db.insert(homeVisitEntries).values({
    visitId,
    at: now,
    kind: e.kind,
    visibility: e.visibility,
    body: e.body ?? null,
    actor: e.actor,
    staffId: e.staffId ?? null,
    detail: e.detail ?? null,
    toStatus: e.toStatus ?? null,
  });
}
