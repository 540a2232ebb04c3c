import { and, eq, inArray, sql } from 'drizzle-orm';
import {
  events,
  type MeetingDecision,
  renovationAgendaItems,
  renovationMeetings,
  renovationPlanItems,
  renovationWishes,
} from '../../schema/index.ts';
import { ApiError, versionConflict } from '../lib/errors.ts';
import type { Db } from '../lib/platform.ts';
import { wishAnswerMessage } from '../messages/subjects.ts';
import { auditEntry, auditEntryOrAbort } from '../staff/audit.ts';
import type { StaffMember } from '../staff/policy.ts';
import { answerStatements, type WishAnswer } from './answers.ts';
import type { Minutes, NewMeeting } from './input.ts';
import type { MeetingRow } from './meetings.ts';
import { guarded } from './plan.ts';
import { type ProjectRow, partnersOf } from './projects.ts';
import { isOpenWish, wishesByNumber } from './wishes.ts';

const invalid = (field: string, message: string) => new ApiError(400, 'invalid_input', message, { [field]: message });
const typeName = { four_party: '四方联席会', renovation: '旧改联席会' } as const;

/**
 * Creates a joint meeting: its Linli event (kind joint_meeting, in the project's community and
 * compound, so it shows in the events list and calendar feeds) and the meeting with its four
 * parties, in one batch with the audit entries. Contractor and supervisor default to the
 * project's partner organisations.
 */
export async function createMeeting(db: Db, staff: StaffMember, row: ProjectRow, input: NewMeeting, now: number) {
  const p = row.project;
  const partners = await partnersOf(db, p.id);
  const named = (role: 'contractor' | 'supervisor') =>
    partners
      .filter((x) => x.role === role)
      .map((x) => x.name)
      .join('、');
  const parties = {
    partyBranch: input.parties.partyBranch,
    contractor: input.parties.contractor || named('contractor'),
    supervisor: input.parties.supervisor || named('supervisor'),
    representatives: input.parties.representatives,
  };
  if (!parties.contractor) throw invalid('parties.contractor', 'Name the contractor (the project has none yet).');
  if (!parties.supervisor) throw invalid('parties.supervisor', 'Name the supervisor (the project has none yet).');
  const title = input.title || `${typeName[input.type]}：${row.compound.name}`;
  const eventId = sql`(select max(id) from ${events})`;
  const meetingId = sql`(select max(id) from ${renovationMeetings})`;
  const [[created]] = await db.batch([
    db
      .insert(events)
      .values({
        title,
        kind: 'joint_meeting',
        subdistrictId: p.subdistrictId,
        communityId: p.communityId,
        compoundId: p.compoundId,
        description: input.description || `${p.title}：居民的小心愿和异议在会上议定。`,
        channel: 'onsite',
        venue: input.venue,
        startsAt: Date.parse(input.startsAt),
        endsAt: Date.parse(input.endsAt),
        capacity: input.capacity ?? null,
        signupOpen: input.signupOpen,
        createdByStaffId: staff.id,
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: events.id }),
    db.insert(renovationMeetings).values({
      projectId: p.id,
      eventId,
      type: input.type,
      parties,
      createdByStaffId: staff.id,
      createdAt: now,
      updatedAt: now,
    }),
    auditEntry(db, staff, 'event.create', 'event', eventId, now, { title }),
    auditEntry(db, staff, 'renovation.meeting.create', 'renovation_meeting', meetingId, now, { project: p.id }),
  ]);
  const [meeting] = await db
    .select({ id: renovationMeetings.id })
    .from(renovationMeetings)
    .where(eq(renovationMeetings.eventId, created!.id));
  return meeting!.id;
}

const notAgain = () =>
  new ApiError(409, 'invalid_transition', 'The minutes of this meeting are recorded; its agenda is closed.');

/**
 * Sets a meeting's agenda from the project's open wishes and objections. Each one added gets the
 * public answer "on the agenda of this meeting"; one taken off it goes back to "under
 * consideration". All of it lands in one batch with the audit entry, as of the version read.
 */
export async function setAgenda(
  db: Db,
  staff: StaffMember,
  m: MeetingRow,
  agenda: { version: number; wishes: string[] },
  now: number,
) {
  if (m.meeting.minutesAt !== null) throw notAgain();
  if (agenda.version !== m.meeting.version) throw versionConflict('meeting');
  const found = await wishesByNumber(db, m.meeting.projectId, agenda.wishes);
  const chosen = agenda.wishes.map((number, i) => {
    const wish = found.find((w) => w.number === number);
    if (!wish) throw invalid(`wishes.${i}`, 'No such wish in this project.');
    if (agenda.wishes.indexOf(number) !== i) throw invalid(`wishes.${i}`, 'Named twice on this agenda.');
    if (!isOpenWish(wish)) throw invalid(`wishes.${i}`, 'This wish is already answered for good.');
    return wish;
  });
  const before = await db
    .select({ wishId: renovationAgendaItems.wishId })
    .from(renovationAgendaItems)
    .where(eq(renovationAgendaItems.meetingId, m.meeting.id));
  const dropped = before.filter((b) => !chosen.some((w) => w.id === b.wishId)).map((b) => b.wishId);
  const added = chosen.filter((w) => !(w.outcome === 'on_agenda' && w.outcomeMeetingId === m.meeting.id));
  const by = { staffId: staff.id, now, kind: 'agenda' };
  await guarded(db, 'meeting', [
    db
      .update(renovationMeetings)
      .set({ updatedAt: now, version: sql`${renovationMeetings.version} + 1` })
      .where(
        and(
          eq(renovationMeetings.id, m.meeting.id),
          eq(renovationMeetings.version, agenda.version),
          sql`${renovationMeetings.minutesAt} is null`,
        ),
      ),
    auditEntryOrAbort(db, staff, 'renovation.meeting.agenda', 'renovation_meeting', m.meeting.id, now, {
      wishes: agenda.wishes,
    }),
    db.delete(renovationAgendaItems).where(eq(renovationAgendaItems.meetingId, m.meeting.id)),
    ...chosen.map((w, position) =>
      db.insert(renovationAgendaItems).values({ meetingId: m.meeting.id, wishId: w.id, position }),
    ),
    ...added.flatMap((w) =>
      answerStatements(db, w.id, { outcome: 'on_agenda', note: null, meetingId: m.meeting.id }, by),
    ),
    ...dropped.flatMap((wishId) =>
      answerStatements(db, wishId, { outcome: 'under_consideration', note: 'Taken off the meeting agenda.' }, by),
    ),
  ]);
}

/** The wish's answer that follows from a meeting's decision on it. */
function answerFor(d: Minutes['decisions'][number], meetingId: number, expectedOn: string | null): WishAnswer {
  const map: Record<MeetingDecision, WishAnswer['outcome']> = {
    accepted: 'in_plan',
    changed: 'in_plan',
    not_possible: 'not_possible',
    deferred: 'under_consideration',
  };
  return {
    outcome: map[d.decision],
    note: d.note,
    itemId: d.decision === 'accepted' || d.decision === 'changed' ? d.item : null,
    meetingId,
    expectedOn: map[d.decision] === 'in_plan' ? expectedOn : null,
    deferredTo: d.decision === 'deferred' ? d.deferredTo : null,
  };
}

/**
 * Records a meeting's minutes: a decision on every agenda item, each written back to its wish
 * (the answer residents see on the public list and their tracking page), the event completed
 * with the minutes as its summary, and the audit entry: all in ONE batch, so either every
 * decision lands or none does.
 */
export async function recordMinutes(db: Db, staff: StaffMember, m: MeetingRow, input: Minutes, now: number) {
  if (m.meeting.minutesAt !== null) throw notAgain();
  if (m.event.startsAt > now)
    throw new ApiError(409, 'not_started', 'Minutes can be recorded once the meeting has begun.');
  if (input.version !== m.meeting.version) throw versionConflict('meeting');
  const agenda = await db
    .select({ wishId: renovationAgendaItems.wishId, number: renovationWishes.number })
    .from(renovationAgendaItems)
    .innerJoin(renovationWishes, eq(renovationWishes.id, renovationAgendaItems.wishId))
    .where(eq(renovationAgendaItems.meetingId, m.meeting.id));
  const itemIds = input.decisions.flatMap((d) => (d.item ? [d.item] : []));
  const items = itemIds.length
    ? await db
        .select({ id: renovationPlanItems.id, expectedOn: renovationPlanItems.expectedOn })
        .from(renovationPlanItems)
        .where(and(inArray(renovationPlanItems.id, itemIds), eq(renovationPlanItems.projectId, m.meeting.projectId)))
    : [];
  const decided = input.decisions.map((d, i) => {
    const onAgenda = agenda.find((a) => a.number === d.wish);
    if (!onAgenda) throw invalid(`decisions.${i}.wish`, 'Not on this meeting’s agenda.');
    if (input.decisions.findIndex((x) => x.wish === d.wish) !== i)
      throw invalid(`decisions.${i}.wish`, 'Decided twice in these minutes.');
    const item = d.item ? items.find((x) => x.id === d.item) : undefined;
    if (d.item && (d.decision === 'accepted' || d.decision === 'changed') && !item)
      throw invalid(`decisions.${i}.item`, 'No such item in this plan.');
    return {
      d,
      wishId: onAgenda.wishId,
      number: onAgenda.number,
      answer: answerFor(d, m.meeting.id, item?.expectedOn ?? null),
    };
  });
  const missing = agenda.filter((a) => !decided.some((x) => x.wishId === a.wishId));
  if (missing.length)
    throw invalid('decisions', `Record a decision on every agenda item: ${missing.map((a) => a.number).join(', ')}.`);
  const by = { staffId: staff.id, now, kind: 'decision' };
  await guarded(db, 'meeting', [
    db
      .update(renovationMeetings)
      .set({ minutes: input.minutes, minutesAt: now, updatedAt: now, version: sql`${renovationMeetings.version} + 1` })
      .where(
        and(
          eq(renovationMeetings.id, m.meeting.id),
          eq(renovationMeetings.version, input.version),
          sql`${renovationMeetings.minutesAt} is null`,
        ),
      ),
    auditEntryOrAbort(db, staff, 'renovation.meeting.minutes', 'renovation_meeting', m.meeting.id, now, {
      decisions: decided.map((x) => ({ wish: x.d.wish, decision: x.d.decision })),
    }),
    db
      .update(events)
      .set({
        status: 'completed',
        summary: input.minutes,
        attendance: input.attendance ?? null,
        updatedAt: now,
        version: sql`${events.version} + 1`,
      })
      .where(eq(events.id, m.event.id)),
    ...decided.flatMap(({ d, wishId, number, answer }) => [
      db
        .update(renovationAgendaItems)
        .set({
          decision: d.decision,
          decisionNote: d.note || null,
          decisionItemId: answer.itemId ?? null,
          deferredTo: d.deferredTo ?? null,
        })
        .where(and(eq(renovationAgendaItems.meetingId, m.meeting.id), eq(renovationAgendaItems.wishId, wishId))),
      ...answerStatements(db, wishId, answer, by),
      // The resident who opted in hears the meeting's decision (the audit entry aborts a lost race).
      wishAnswerMessage(db, { id: wishId, number }, answer.outcome, now, `wish:${wishId}:meeting:${m.meeting.id}`),
    ]),
  ]);
}
