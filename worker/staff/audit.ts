import { desc, eq, lt, type SQL, sql } from 'drizzle-orm';
import { auditLog, staff } from '../../schema/index.ts';
import type { Db } from '../lib/platform.ts';

/**
 * The audit entry for one staff write, as a query to run in the same `db.batch` as the write,
 * so a write is never without its record.
 * @example await db.batch([db.update(staff)…, auditEntry(db, me, 'staff.disable', 'staff', id, now)])
 */
export function auditEntry(
  db: Db,
  who: { id: number } | null,
  action: string,
  objectType: string,
  objectId: string | number | SQL | null,
  now: number,
  detail?: Record<string, unknown>,
) {
  return db.insert(auditLog).values({
    staffId: who?.id ?? null,
    action,
    objectType,
    objectId: objectId === null || typeof objectId === 'object' ? objectId : String(objectId),
    detail: detail ?? null,
    at: now,
  });
}

/**
 * The audit entry for a write that may be turned away inside its batch (an optimistic-lock
 * update): written only if the statement just before it changed exactly one row, so a lost
 * race leaves no record of a change that never happened.
 * @example await db.batch([db.update(tickets)…where(version), auditEntryIfChanged(db, me, 'ticket.accept', 'ticket', number, now)])
 */
export function auditEntryIfChanged(
  db: Db,
  who: { id: number } | null,
  action: string,
  objectType: string,
  objectId: string | number,
  now: number,
) {
  return db.run(sql`insert into ${auditLog} (staff_id, action, object_type, object_id, detail, at)
    select ${who?.id ?? null}, ${action}, ${objectType}, ${String(objectId)}, null, ${now} where changes() = 1`);
}

/** A page of the audit log, newest first, of entries older than the id `before` when given. */
export async function auditPage(db: Db, before: number | undefined, limit: number) {
  const entries = await db
    .select({
      id: auditLog.id,
      at: auditLog.at,
      action: auditLog.action,
      objectType: auditLog.objectType,
      objectId: auditLog.objectId,
      detail: auditLog.detail,
      staffLogin: staff.login,
    })
    .from(auditLog)
    .leftJoin(staff, eq(staff.id, auditLog.staffId))
    .where(before ? lt(auditLog.id, before) : undefined)
    .orderBy(desc(auditLog.id))
    .limit(limit);
  return { entries, nextBefore: entries.length === limit ? entries.at(-1)!.id : null };
}

/**
 * The audit entry for a write that must have changed exactly one row, placed right after it in
 * the batch. If that statement changed nothing (a lost race: the version moved on), the entry
 * cannot be written (its time is null) and the whole batch is undone, so the statements after
 * it need no guards of their own. `isLostRace` tells that failure from others.
 * @example await db.batch([db.update(meetings)…where(version), auditEntryOrAbort(db, me, 'meeting.minutes', 'meeting', id, now), …])
 */
export function auditEntryOrAbort(
  db: Db,
  who: { id: number } | null,
  action: string,
  objectType: string,
  objectId: string | number,
  now: number,
  detail?: Record<string, unknown>,
) {
  return db.run(sql`insert into ${auditLog} (staff_id, action, object_type, object_id, detail, at)
    values (${who?.id ?? null}, ${action}, ${objectType}, ${String(objectId)}, ${detail ? JSON.stringify(detail) : null},
      case when changes() = 1 then ${now} end)`);
}

/** Whether a batch failed because `auditEntryOrAbort` found nothing changed before it. */
export function isLostRace(err: unknown): boolean {
  for (let e: unknown = err; e instanceof Error; e = e.cause) {
    if (e.message.includes('audit_log.at')) return true;
  }
  return false;
}
