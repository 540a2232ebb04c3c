import { and, count, eq, inArray, ne, sql } from 'drizzle-orm';
import { renovationAgendaItems, renovationMeetings, renovationProjects, renovationWishes } from '../../schema/index.ts';
import { maskPhone } from '../lib/fields.ts';
import type { Db } from '../lib/platform.ts';
import { optinQuery } from '../messages/outbox.ts';
import { agendaQuery, agendaRows, meetingIndex, meetingsForPage, meetingsQuery } from './meetings.ts';
import {
  articlesOf,
  findProjects,
  itemHistory,
  itemsOf,
  itemsQuery,
  type ProjectRow,
  partnersOf,
  projectSummary,
  publicItem,
} from './projects.ts';
import { problemsOfProjects, publicProblem } from './quality.ts';
import { publicRoster } from './volunteers.ts';
import {
  answerOf,
  heldWish,
  outcomeOrder,
  publicWish,
  type WishRow,
  wishesQuery,
  wishRows,
  wishTimeline,
} from './wishes.ts';

/** Residents' list of projects: each with its plan items and counts. */
export async function projectList(db: Db, rows: ProjectRow[]) {
  const items = await itemsOf(
    db,
    rows.map((r) => r.project.id),
  );
  return rows.map((r) => projectSummary(r, items));
}

/**
 * A project's page: its plan items with their history, the working group and partners, the
 * public wishes grouped by answer, past meetings with their decisions and the next one, and its
 * news; the quality problems on each item with their answers, and the compound's volunteers who
 * agreed to be shown. No resident's or volunteer's phone is in it. One batch, one round trip;
 * undefined when there is no such project.
 */
export async function projectPage(db: Db, id: number, now: number) {
  const ofProject = eq(renovationProjects.id, id);
  const [
    [row],
    items,
    partners,
    articles,
    meetings,
    wishRowsFound,
    problems,
    volunteers,
    history,
    agendaFound,
    [answered],
  ] = await db.batch([
    findProjects(db, ofProject),
    itemsQuery(db, [id]),
    partnersOf(db, id),
    articlesOf(db, id, 'published'),
    meetingsQuery(db, [id]),
    wishesQuery(db, and(eq(renovationWishes.projectId, id), eq(renovationWishes.listed, true))),
    problemsOfProjects(db, [id]),
    publicRoster(db, sql`(select ${renovationProjects.compoundId} from ${renovationProjects} where ${ofProject})`),
    itemHistory(db, id),
    agendaQuery(
      db,
      inArray(
        renovationAgendaItems.meetingId,
        db.select({ id: renovationMeetings.id }).from(renovationMeetings).where(eq(renovationMeetings.projectId, id)),
      ),
    ),
    db
      .select({ n: count() })
      .from(renovationWishes)
      .where(and(eq(renovationWishes.projectId, id), ne(renovationWishes.outcome, 'received'))),
  ]);
  if (!row) return undefined;
  const wishes = wishRows(wishRowsFound);
  const index = meetingIndex(meetings);
  const shown = wishes.map((w) => publicWish(w, index));
  const summary = projectSummary(row, items);
  return {
    ...summary,
    items: items.map((i) => ({
      ...publicItem(i),
      history: history.filter((h) => h.itemId === i.id).map(({ itemId: _, ...h }) => h),
      wishes: shown.filter((w) => w.answer.item?.id === i.id).map((w) => w.number),
      problems: problems.filter((p) => p.problem.itemId === i.id).map(publicProblem),
    })),
    workingGroup: row.project.workingGroup,
    volunteers,
    partners,
    wishGroups: outcomeOrder
      .map((outcome) => ({ outcome, wishes: shown.filter((w) => w.answer.outcome === outcome) }))
      .filter((g) => g.wishes.length > 0),
    meetings: meetingsForPage(meetings, agendaRows(agendaFound), now),
    articles: articles.map(({ status: _, ...a }) => a),
    counts: {
      ...summary.counts,
      objections: wishes.filter((w) => w.wish.kind === 'objection').length,
      answered: answered?.n ?? 0,
    },
  };
}

/**
 * The resident's private view, for the holder of the wish's token (others get the one 404): the
 * public answer and their own timeline, phone masked. The wish, its project, the project's
 * meetings, the timeline and the opt-in come in one batch, found by the wish's number.
 */
export async function trackingView(db: Db, number: string, token: string) {
  const of = (column: typeof renovationWishes.id | typeof renovationWishes.projectId) =>
    sql`(select ${column} from ${renovationWishes} where ${renovationWishes.number} = ${number})`;
  const [found, [p], meetings, timeline, optin] = await db.batch([
    wishesQuery(db, and(eq(renovationWishes.number, number)), 1),
    findProjects(db, eq(renovationProjects.id, of(renovationWishes.projectId))),
    meetingsQuery(db, of(renovationWishes.projectId)),
    wishTimeline(db, of(renovationWishes.id)),
    optinQuery(db, 'wish', of(renovationWishes.id)),
  ]);
  const row = await heldWish(wishRows(found)[0], token);
  const w = row.wish;
  const project = { id: p!.project.id, title: p!.project.title, status: p!.project.status, compound: p!.compound };
  return {
    ...publicWish(row, meetingIndex(meetings)),
    photoCount: row.photoCount,
    name: w.name,
    phone: maskPhone(w.phone),
    listed: w.listed,
    project,
    timeline,
    /** The resident asked for text messages and has not stopped them. */
    smsActive: !!optin[0]?.a,
  };
}

/** The staff view of a wish: everything, with the version an answer must name. */
export async function staffWish(db: Db, row: WishRow, meetings: ReturnType<typeof meetingIndex>, full = false) {
  const w = row.wish;
  return {
    number: w.number,
    kind: w.kind,
    channel: w.channel,
    volunteer: row.volunteer?.name ?? null,
    description: w.description,
    location: w.location,
    name: w.name,
    phone: w.phone,
    item: row.about,
    meToo: w.meToo,
    listed: w.listed,
    photosPublic: w.photosPublic,
    photoCount: row.photoCount,
    createdAt: w.createdAt,
    answer: answerOf(row, meetings),
    answeredAt: w.answeredAt,
    version: w.version,
    ...(full ? { timeline: await wishTimeline(db, w.id) } : {}),
  };
}
