import { and, desc, eq, gt, inArray, lt, or, sql } from 'drizzle-orm';
import { Hono } from 'hono';
import * as z from 'zod/mini';
import { communities, meetingTickets, progressMeetings, subdistricts, ticketCategories, timelineEntries, tickets } from '../../schema/index.ts';
import { auditEntry } from '../staff/audit.ts';
import { authorize, authorizeRole } from '../staff/policy.ts';
import { dueDate } from '../lib/fields.ts';
import { openStatuses } from './lifecycle.ts';
import { ticketScope } from './scope.ts';
import { ApiError } from '../lib/errors.ts';
import type { AppEnv, Db } from '../lib/platform.ts';
import { limitBody } from '../lib/security.ts';
import { DAY_MS, endOfShanghaiDay } from '../lib/time.ts';
import { validate } from '../lib/validate.ts';

const slug = z.string().check(z.regex(/^[a-z0-9-]{1,64}$/, 'Not a valid code.'));

/** The sub-district asked for, or the staff member's own; 404 for one outside their place. */
async function subdistrictFor(c: { var: AppEnv['Variables'] }, requested: string | undefined) {
  const { db, staff } = c.var;
  const where = requested ? eq(subdistricts.slug, requested) : eq(subdistricts.id, staff.subdistrictId ?? -1);
  const [found] = await db.select().from(subdistricts).where(where);
  if (!found) throw new ApiError(requested ? 404 : 400, requested ? 'subdistrict_not_found' : 'invalid_input', 'Name a sub-district.', requested ? undefined : { subdistrict: 'Name a sub-district.' });
  return found;
}

async function slugOf(db: Db, subdistrictId: number | undefined) {
  if (subdistrictId === undefined) return undefined;
  return (await db.select({ slug: subdistricts.slug }).from(subdistricts).where(eq(subdistricts.id, subdistrictId)))[0]?.slug;
}

/**
 * The sub-district as a place for the policy. Community staff stand in it through their own
 * community (they read that part of its list, and may not supervise: 403); anyone outside it
 * does not see it (404).
 */
const placeOf = (staff: AppEnv['Variables']['staff'], subdistrictId: number) => ({
  subdistrictId,
  communityId: staff.subdistrictId === subdistrictId ? staff.communityId : null,
});

/** Open tickets past due, reopened or flagged, in the staff member's place. */
async function supervisionItems(db: Db, scope: ReturnType<typeof ticketScope>, subdistrictId: number | null, now: number) {
  const rows = await db
    .select({
      number: tickets.number,
      status: tickets.status,
      owner: tickets.owner,
      description: tickets.description,
      createdAt: tickets.createdAt,
      dueAt: tickets.dueAt,
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
        scope,
        subdistrictId === null ? undefined : eq(tickets.subdistrictId, subdistrictId),
        inArray(tickets.status, openStatuses),
        or(lt(tickets.dueAt, now), gt(tickets.reopenCount, 0), eq(tickets.flagged, true)),
      ),
    )
    .orderBy(tickets.dueAt);
  return rows.map((r) => ({
    ...r,
    ageDays: Math.floor((now - r.createdAt) / DAY_MS),
    overdueDays: r.dueAt < now ? Math.ceil((now - r.dueAt) / DAY_MS) : 0,
    reasons: [r.dueAt < now && 'overdue', r.reopenCount > 0 && 'reopened', r.flagged && 'flagged'].filter(Boolean) as string[],
  }));
}

const meetingBody = z.object({
  subdistrict: z.optional(slug),
  heldAt: z.iso.datetime({ offset: true, error: 'Use a date and time like 2026-11-26T09:30:00+08:00.' }),
  attendees: z.string().check(z.trim(), z.minLength(2, 'Who attended?'), z.maxLength(500)),
  notes: z.string().check(z.trim(), z.minLength(2, 'What was agreed?'), z.maxLength(5000)),
  links: z
    .array(
      z.object({
        number: z.string().check(z.regex(/^[A-Z]{2,4}-\d{8}-\d{4,}$/, 'Not a ticket number.')),
        followUp: z.string().check(z.trim(), z.minLength(2, 'Say what happens next.'), z.maxLength(1000)),
        newDueDate: dueDate,
      }),
    )
    .check(z.maxLength(50)),
});

export const deskSupervision = new Hono<AppEnv>()
  .get('/supervision', validate('query', z.object({ subdistrict: z.optional(slug) })), async (c) => {
    const requested = c.req.valid('query').subdistrict;
    // Without a sub-district (admins, property staff): everything in the staff member's scope.
    const subdistrict = requested || c.var.staff.subdistrictId ? await subdistrictFor(c, requested) : null;
    if (subdistrict) authorize(c.var.staff, 'ticket.read', placeOf(c.var.staff, subdistrict.id), 'subdistrict');
    else authorizeRole(c.var.staff, 'ticket.read');
    const items = await supervisionItems(c.var.db, ticketScope(c.var.staff), subdistrict?.id ?? null, c.var.platform.now());
    c.header('Cache-Control', 'no-store');
    return c.json({ subdistrict: subdistrict && { slug: subdistrict.slug, name: subdistrict.name, nameEn: subdistrict.nameEn }, items }, 200);
  })
  .get('/meetings', validate('query', z.object({ subdistrict: z.optional(slug) })), async (c) => {
    const subdistrict = await subdistrictFor(c, c.req.valid('query').subdistrict);
    authorize(c.var.staff, 'ticket.supervise', placeOf(c.var.staff, subdistrict.id), 'subdistrict');
    const meetings = await c.var.db.select().from(progressMeetings).where(eq(progressMeetings.subdistrictId, subdistrict.id)).orderBy(desc(progressMeetings.heldAt)).limit(50);
    const links = meetings.length
      ? await c.var.db
          .select({ meetingId: meetingTickets.meetingId, number: tickets.number, followUp: meetingTickets.followUp, newDueAt: meetingTickets.newDueAt })
          .from(meetingTickets)
          .innerJoin(tickets, eq(tickets.id, meetingTickets.ticketId))
          .where(inArray(meetingTickets.meetingId, meetings.map((m) => m.id)))
      : [];
    return c.json({ meetings: meetings.map((m) => ({ ...m, links: links.filter((l) => l.meetingId === m.id) })) }, 200);
  })
  .post('/meetings', limitBody(), validate('json', meetingBody), async (c) => {
    const body = c.req.valid('json');
    const { db, staff } = c.var;
    const now = c.var.platform.now();
    // An admin's meeting belongs to the sub-district of the tickets it discusses.
    const firstTicket = body.links[0] ? (await db.select({ subdistrictId: tickets.subdistrictId }).from(tickets).where(eq(tickets.number, body.links[0].number)))[0] : undefined;
    const subdistrict = await subdistrictFor(c, body.subdistrict ?? (staff.subdistrictId ? undefined : await slugOf(db, firstTicket?.subdistrictId)));
    authorize(staff, 'ticket.supervise', placeOf(staff, subdistrict.id), 'subdistrict');
    const found = body.links.length
      ? await db.select({ id: tickets.id, number: tickets.number, subdistrictId: tickets.subdistrictId, status: tickets.status }).from(tickets).where(inArray(tickets.number, body.links.map((l) => l.number)))
      : [];
    const linked = body.links.map((link, i) => {
      const ticket = found.find((t) => t.number === link.number && t.subdistrictId === subdistrict.id);
      if (!ticket) throw new ApiError(400, 'invalid_input', `No ticket ${link.number} in this sub-district.`, { [`links.${i}.number`]: 'No such ticket in this sub-district.' });
      if (body.links.findIndex((l) => l.number === link.number) !== i) {
        throw new ApiError(400, 'invalid_input', `Ticket ${link.number} is named twice.`, { [`links.${i}.number`]: 'Named twice in this meeting.' });
      }
      return { ...link, ticketId: ticket.id, newDueAt: endOfShanghaiDay(link.newDueDate) };
    });
    // The meeting, its links, the new due dates and the timeline entries land together.
    const meetingId = sql`(select max(id) from ${progressMeetings})`;
    await db.batch([
      db.run(sql`insert into ${progressMeetings} (id, subdistrict_id, held_at, attendees, notes, created_by_staff_id, created_at)
        select coalesce(max(id), 0) + 1, ${subdistrict.id}, ${Date.parse(body.heldAt)}, ${body.attendees}, ${body.notes}, ${staff.id}, ${now} from ${progressMeetings}`),
      ...linked.flatMap((l) => [
        db.insert(meetingTickets).values({ meetingId, ticketId: l.ticketId, followUp: l.followUp, newDueAt: l.newDueAt }),
        db.update(tickets).set({ dueAt: l.newDueAt, version: sql`${tickets.version} + 1`, updatedAt: now }).where(eq(tickets.id, l.ticketId)),
        db.insert(timelineEntries).values({ ticketId: l.ticketId, at: now, kind: 'meeting', visibility: 'public', body: l.followUp, actor: 'staff', staffId: staff.id, detail: { newDueAt: l.newDueAt } }),
      ]),
      auditEntry(db, staff, 'meeting.create', 'progress_meeting', meetingId, now, { tickets: linked.map((l) => l.number) }),
    ]);
    return c.json({ ok: true, linked: linked.length }, 201);
  });
