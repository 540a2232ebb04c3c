import { and, desc, eq, gt, inArray, or, sql } from 'drizzle-orm';
import {
  communities,
  meetingTickets,
  progressMeetings,
  subdistricts,
  ticketCategories,
  tickets,
  timelineEntries,
} from '../../schema/index.ts';
import { ApiError } from '../lib/errors.ts';
import type { Db } from '../lib/platform.ts';
import { DAY_MS } from '../lib/time.ts';
import { subdistrictBySlug } from '../places/places.ts';
import { auditEntry } from '../staff/audit.ts';
import type { StaffMember } from '../staff/policy.ts';
import { isOverdue, overdueCondition } from './clock.ts';
import { openStatuses } from './lifecycle.ts';
import { ticketListColumns } from './queue.ts';
import { ticketScope } from './scope.ts';

/** The sub-district asked for, or the staff member's own; 404 for one outside their place. */
export async function subdistrictFor(db: Db, staff: StaffMember, requested: string | undefined) {
  const found = requested
    ? await subdistrictBySlug(db).get({ slug: requested })
    : (
        await db
          .select()
          .from(subdistricts)
          .where(eq(subdistricts.id, staff.subdistrictId ?? -1))
      )[0];
  if (!found)
    throw new ApiError(
      requested ? 404 : 400,
      requested ? 'subdistrict_not_found' : 'invalid_input',
      'Name a sub-district.',
      requested ? undefined : { subdistrict: 'Name a sub-district.' },
    );
  return found;
}

/** Open tickets past due, reopened or flagged, in the staff member's place. */
export async function supervisionItems(db: Db, staff: StaffMember, subdistrictId: number | null, now: number) {
  const rows = await db
    .select({
      ...ticketListColumns,
      flagged: tickets.flagged,
      reopenCount: tickets.reopenCount,
      category: { name: ticketCategories.name, nameEn: ticketCategories.nameEn },
      community: { slug: communities.slug, name: communities.name, nameEn: communities.nameEn },
    })
    .from(tickets)
    .innerJoin(ticketCategories, eq(ticketCategories.id, tickets.categoryId))
    .innerJoin(communities, eq(communities.id, tickets.communityId))
    .where(
      and(
        ticketScope(staff),
        subdistrictId === null ? undefined : eq(tickets.subdistrictId, subdistrictId),
        inArray(tickets.status, openStatuses),
        or(overdueCondition(now), gt(tickets.reopenCount, 0), eq(tickets.flagged, true)),
      ),
    )
    .orderBy(tickets.dueAt);
  return rows.map((r) => ({
    ...r,
    ageDays: Math.floor((now - r.createdAt) / DAY_MS),
    overdueDays: isOverdue(r, now) ? Math.ceil((now - r.dueAt) / DAY_MS) : 0,
    reasons: [isOverdue(r, now) && 'overdue', r.reopenCount > 0 && 'reopened', r.flagged && 'flagged'].filter(
      Boolean,
    ) as string[],
  }));
}

/** The sub-district's last 50 progress meetings, newest first, each with the tickets it discussed. */
export async function progressMeetingsOf(db: Db, subdistrictId: number) {
  const meetings = await db
    .select()
    .from(progressMeetings)
    .where(eq(progressMeetings.subdistrictId, subdistrictId))
    .orderBy(desc(progressMeetings.heldAt))
    .limit(50);
  const links = meetings.length
    ? await db
        .select({
          meetingId: meetingTickets.meetingId,
          number: tickets.number,
          followUp: meetingTickets.followUp,
          newDueAt: meetingTickets.newDueAt,
        })
        .from(meetingTickets)
        .innerJoin(tickets, eq(tickets.id, meetingTickets.ticketId))
        .where(
          inArray(
            meetingTickets.meetingId,
            meetings.map((m) => m.id),
          ),
        )
    : [];
  return meetings.map((m) => ({ ...m, links: links.filter((l) => l.meetingId === m.id) }));
}

/** The slug of the sub-district a ticket belongs to (an admin's meeting belongs to its tickets' sub-district). */
export async function subdistrictSlugOfTicket(db: Db, number: string | undefined) {
  if (number === undefined) return undefined;
  const [ticket] = await db
    .select({ subdistrictId: tickets.subdistrictId })
    .from(tickets)
    .where(eq(tickets.number, number));
  if (ticket === undefined) return undefined;
  return (
    await db.select({ slug: subdistricts.slug }).from(subdistricts).where(eq(subdistricts.id, ticket.subdistrictId))
  )[0]?.slug;
}

type MeetingLink = { number: string; followUp: string; newDueAt: number };
export type NewMeeting = { heldAt: number; attendees: string; notes: string; links: MeetingLink[] };

/**
 * Records a progress meeting: the meeting, its links, the new due dates and the timeline entries
 * land together. A linked ticket must be in the sub-district and named once (400 otherwise).
 */
export async function recordMeeting(
  db: Db,
  staff: StaffMember,
  subdistrictId: number,
  meeting: NewMeeting,
  now: number,
): Promise<number> {
  const found = meeting.links.length
    ? await db
        .select({
          id: tickets.id,
          number: tickets.number,
          subdistrictId: tickets.subdistrictId,
          status: tickets.status,
        })
        .from(tickets)
        .where(
          inArray(
            tickets.number,
            meeting.links.map((l) => l.number),
          ),
        )
    : [];
  const linked = meeting.links.map((link, i) => {
    const ticket = found.find((t) => t.number === link.number && t.subdistrictId === subdistrictId);
    if (!ticket)
      throw new ApiError(400, 'invalid_input', `No ticket ${link.number} in this sub-district.`, {
        [`links.${i}.number`]: 'No such ticket in this sub-district.',
      });
    if (meeting.links.findIndex((l) => l.number === link.number) !== i) {
      throw new ApiError(400, 'invalid_input', `Ticket ${link.number} is named twice.`, {
        [`links.${i}.number`]: 'Named twice in this meeting.',
      });
    }
    return { ...link, ticketId: ticket.id };
  });
  const meetingId = sql`(select max(id) from ${progressMeetings})`;
  await db.batch([
    db.run(sql`insert into ${progressMeetings} (id, subdistrict_id, held_at, attendees, notes, created_by_staff_id, created_at)
      select coalesce(max(id), 0) + 1, ${subdistrictId}, ${meeting.heldAt}, ${meeting.attendees}, ${meeting.notes}, ${staff.id}, ${now} from ${progressMeetings}`),
    ...linked.flatMap((l) => [
      db.insert(meetingTickets).values({ meetingId, ticketId: l.ticketId, followUp: l.followUp, newDueAt: l.newDueAt }),
      db
        .update(tickets)
        .set({ dueAt: l.newDueAt, version: sql`${tickets.version} + 1`, updatedAt: now })
        .where(eq(tickets.id, l.ticketId)),
      db.insert(timelineEntries).values({
        ticketId: l.ticketId,
        at: now,
        kind: 'meeting',
        visibility: 'public',
        body: l.followUp,
        actor: 'staff',
        staffId: staff.id,
        detail: { newDueAt: l.newDueAt },
      }),
    ]),
    auditEntry(db, staff, 'meeting.create', 'progress_meeting', meetingId, now, {
      tickets: linked.map((l) => l.number),
    }),
  ]);
  return linked.length;
}
