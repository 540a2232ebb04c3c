import { and, eq, sql } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import {
  renovationAgendaItems,
  renovationMeetings,
  renovationWishEntries,
  renovationWishes,
  type WishOutcome,
} from '../../schema/index.ts';
import { ApiError, versionConflict } from '../lib/errors.ts';
import type { Db } from '../lib/platform.ts';
import { wishAnswerMessage } from '../messages/subjects.ts';
import { auditEntryOrAbort } from '../staff/audit.ts';
import type { StaffMember } from '../staff/policy.ts';
import type { Answer } from './input.ts';
import { guarded } from './plan.ts';
import { loadItem } from './projects.ts';
import type { WishRow } from './wishes.ts';

const invalid = (field: string, message: string) => new ApiError(400, 'invalid_input', message, { [field]: message });

/** What a wish holds after an answer; fields the answer does not use are cleared. */
export type WishAnswer = {
  outcome: Exclude<WishOutcome, 'received'>;
  note?: string | null;
  itemId?: number | null;
  meetingId?: number | null;
  mergedIntoId?: number | null;
  expectedOn?: string | null;
  deferredTo?: string | null;
};

/**
 * The statements that give a wish its answer and put it on the resident's timeline: the wish
 * update (only if still at `version` when one is given) and its entry. Meetings use them too.
 */
export function answerStatements(
  db: Db,
  wishId: number,
  answer: WishAnswer,
  by: { staffId: number | null; now: number; kind: string; version?: number; listed?: boolean },
): [BatchItem<'sqlite'>, BatchItem<'sqlite'>] {
  return [
    db
      .update(renovationWishes)
      .set({
        outcome: answer.outcome,
        outcomeNote: answer.note || null,
        outcomeItemId: answer.itemId ?? null,
        outcomeMeetingId: answer.meetingId ?? null,
        mergedIntoId: answer.mergedIntoId ?? null,
        expectedOn: answer.expectedOn ?? null,
        deferredTo: answer.deferredTo ?? null,
        answeredAt: sql`coalesce(${renovationWishes.answeredAt}, ${by.now})`,
        outcomeAt: by.now,
        ...(by.listed !== undefined ? { listed: by.listed } : {}),
        updatedAt: by.now,
        version: sql`${renovationWishes.version} + 1`,
      })
      .where(
        and(
          eq(renovationWishes.id, wishId),
          by.version !== undefined ? eq(renovationWishes.version, by.version) : undefined,
        ),
      ),
    db.insert(renovationWishEntries).values({
      wishId,
      at: by.now,
      kind: by.kind,
      outcome: answer.outcome,
      body: answer.note || null,
      itemId: answer.itemId ?? null,
      meetingId: answer.meetingId ?? null,
      actor: 'staff',
      staffId: by.staffId,
    }),
  ];
}

/** Checks what an answer links to (an item of the project, its meeting, a wish to merge into) and returns the ids. */
async function resolveLinks(db: Db, row: WishRow, a: Answer): Promise<WishAnswer> {
  const w = row.wish;
  let itemId: number | null = null;
  let expectedOn = a.expectedOn ?? null;
  if (a.item && (a.outcome === 'came_true' || a.outcome === 'in_plan')) {
    const item = await loadItem(db, a.item);
    if (!item || item.projectId !== w.projectId) throw invalid('item', 'No such item in this plan.');
    if (a.outcome === 'came_true' && item.status !== 'done')
      throw invalid('item', 'This plan item is not done yet: answer in_plan until it is.');
    itemId = item.id;
    if (a.outcome === 'in_plan') expectedOn ??= item.expectedOn;
  }
  let meetingId: number | null = null;
  if (a.outcome === 'on_agenda') {
    const [meeting] = await db.select().from(renovationMeetings).where(eq(renovationMeetings.id, a.meeting!));
    if (!meeting || meeting.projectId !== w.projectId) throw invalid('meeting', 'No such meeting of this project.');
    if (meeting.minutesAt !== null) throw invalid('meeting', 'This meeting has already been held.');
    meetingId = meeting.id;
  }
  let mergedIntoId: number | null = null;
  if (a.outcome === 'merged') {
    const [target] = await db.select().from(renovationWishes).where(eq(renovationWishes.number, a.mergedInto!));
    if (!target || target.projectId !== w.projectId || target.id === w.id)
      throw invalid('mergedInto', 'No other wish with this number in this project.');
    if (target.outcome === 'merged')
      throw invalid('mergedInto', 'That wish is itself merged; name the one it went into.');
    mergedIntoId = target.id;
  }
  return {
    outcome: a.outcome,
    note: a.note,
    itemId,
    meetingId,
    mergedIntoId,
    expectedOn: a.outcome === 'in_plan' ? expectedOn : null,
  };
}

/**
 * Staff answer a wish (or correct an earlier answer), as of the version they read, with the audit
 * entry. "On the agenda of meeting X" also puts it at the end of that meeting's agenda.
 */
export async function answerWish(db: Db, staff: StaffMember, row: WishRow, a: Answer, now: number) {
  const answer = await resolveLinks(db, row, a);
  if (a.version !== row.wish.version) throw versionConflict('wish');
  const [update, entry] = answerStatements(db, row.wish.id, answer, {
    staffId: staff.id,
    now,
    kind: 'answered',
    version: a.version,
    listed: a.listed,
  });
  await guarded(db, 'wish', [
    update,
    auditEntryOrAbort(db, staff, 'renovation.wish.answer', 'renovation_wish', row.wish.number, now, {
      outcome: a.outcome,
    }),
    entry,
    // The resident who opted in hears of the answer (the audit entry above aborts a lost race).
    wishAnswerMessage(db, row.wish, answer.outcome, now, `wish:${row.wish.id}:v${row.wish.version + 1}`),
    ...(answer.outcome === 'on_agenda' && answer.meetingId
      ? [
          db.run(sql`insert into ${renovationAgendaItems} (meeting_id, wish_id, position)
            select ${answer.meetingId}, ${row.wish.id}, coalesce(max(position), -1) + 1 from ${renovationAgendaItems}
            where meeting_id = ${answer.meetingId} on conflict do nothing`),
        ]
      : []),
  ]);
}
