import { and, eq, inArray, type SQL } from 'drizzle-orm';
import { renovationPlanItems, renovationWishes, type WishKind, type WishOutcome } from '../../schema/index.ts';
import type { Db } from '../lib/platform.ts';
import { agendaOf, type MeetingRow, meetingIndex, meetingsOf } from './meetings.ts';
import { articlesOf, type ProjectRow, publicItem } from './projects.ts';
import { projectStats } from './stats.ts';
import { projectPage, staffWish } from './views.ts';
import { findWishes, openOutcomes } from './wishes.ts';

type ItemRecord = typeof renovationPlanItems.$inferSelect;

/** A plan item for staff: the public view with the photo keys and the version an edit must name. */
export const staffItem = (i: ItemRecord) => ({
  ...publicItem(i),
  beforePhotoKey: i.beforePhotoKey,
  afterPhotoKey: i.afterPhotoKey,
  position: i.position,
  version: i.version,
});

/** The staff view of a project: its page, every linked article, the figures and the versions. */
export async function staffProject(db: Db, row: ProjectRow, now: number) {
  const [page, items, articles, stats] = await Promise.all([
    projectPage(db, row.project.id, now),
    db.select().from(renovationPlanItems).where(eq(renovationPlanItems.projectId, row.project.id)),
    articlesOf(db, row.project.id, 'all'),
    projectStats(db, row.project.id),
  ]);
  return {
    ...page!,
    items: page!.items.map((i) => ({ ...i, ...staffItem(items.find((x) => x.id === i.id)!) })),
    articles,
    stats,
    version: row.project.version,
  };
}

/** A project's wishes for staff to triage: with names and phones, filtered by answer and kind. */
export async function wishesForStaff(
  db: Db,
  projectId: number,
  filter: { outcome?: WishOutcome | 'open'; kind?: WishKind },
) {
  const where: (SQL | undefined)[] = [
    eq(renovationWishes.projectId, projectId),
    filter.outcome === 'open'
      ? inArray(renovationWishes.outcome, [...openOutcomes])
      : filter.outcome
        ? eq(renovationWishes.outcome, filter.outcome)
        : undefined,
    filter.kind ? eq(renovationWishes.kind, filter.kind) : undefined,
  ];
  const [rows, meetings] = await Promise.all([findWishes(db, and(...where)), meetingsOf(db, [projectId])]);
  const index = meetingIndex(meetings);
  return Promise.all(rows.map((r) => staffWish(db, r, index)));
}

/**
 * A meeting for staff: its event, parties, agenda with each wish's current answer, the minutes,
 * the version, and the project's open wishes and objections to build the agenda from.
 */
export async function staffMeeting(db: Db, m: MeetingRow) {
  const [agenda, open] = await Promise.all([
    agendaOf(db, [m.meeting.id]),
    findWishes(
      db,
      and(eq(renovationWishes.projectId, m.meeting.projectId), inArray(renovationWishes.outcome, [...openOutcomes])),
    ),
  ]);
  return {
    id: m.meeting.id,
    projectId: m.meeting.projectId,
    eventId: m.event.id,
    type: m.meeting.type,
    title: m.event.title,
    startsAt: m.event.startsAt,
    endsAt: m.event.endsAt,
    venue: m.event.venue,
    status: m.event.status,
    parties: m.meeting.parties,
    minutes: m.meeting.minutes,
    minutesAt: m.meeting.minutesAt,
    attendance: m.event.attendance,
    version: m.meeting.version,
    agenda: agenda.map((a) => ({
      wish: { number: a.wish.number, kind: a.wish.kind, description: a.wish.description },
      decision: a.decision,
      note: a.note,
      item: a.item,
      deferredTo: a.deferredTo,
    })),
    openWishes: open.map((r) => ({
      number: r.wish.number,
      kind: r.wish.kind,
      description: r.wish.description,
      outcome: r.wish.outcome,
      meToo: r.wish.meToo,
      onThisAgenda: agenda.some((a) => a.wish.number === r.wish.number),
    })),
  };
}

/** The staff list of projects: each with its figures. */
export async function staffProjectList(db: Db, rows: ProjectRow[]) {
  const meetings = await meetingsOf(
    db,
    rows.map((r) => r.project.id),
  );
  return Promise.all(
    rows.map(async (r) => ({
      id: r.project.id,
      title: r.project.title,
      status: r.project.status,
      demo: r.project.demo,
      compound: r.compound,
      community: r.community,
      stats: await projectStats(db, r.project.id),
      meetings: meetings.filter((m) => m.meeting.projectId === r.project.id).length,
      version: r.project.version,
    })),
  );
}
