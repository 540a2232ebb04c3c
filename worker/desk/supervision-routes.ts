import * as z from 'zod/mini';
import { Hono } from '#hono';
import { overdueVisits } from '../home-visits/queue.ts';
import { dueDate, plainText, slug, ticketNumber } from '../lib/fields.ts';
import type { AppEnv } from '../lib/platform.ts';
import { limitBody } from '../lib/security.ts';
import { endOfShanghaiDay } from '../lib/time.ts';
import { validate } from '../lib/validate.ts';
import { authorize, authorizeRole } from '../staff/policy.ts';
import { pendingExtensions } from './clock-lists.ts';
import { openDisputes } from './disputes.ts';
import {
  progressMeetingsOf,
  recordMeeting,
  subdistrictFor,
  subdistrictSlugOfTicket,
  supervisionItems,
} from './supervision.ts';

/**
 * The sub-district as a place for the policy. Community staff stand in it through their own
 * community (they read that part of its list, and may not supervise: 403); anyone outside it
 * does not see it (404).
 */
const placeOf = (staff: AppEnv['Variables']['staff'], subdistrictId: number) => ({
  subdistrictId,
  communityId: staff.subdistrictId === subdistrictId ? staff.communityId : null,
});

const meetingBody = z.object({
  subdistrict: z.optional(slug),
  heldAt: z.iso.datetime({ offset: true, error: 'Use a date and time like 2026-11-26T09:30:00+08:00.' }),
  attendees: plainText(z.minLength(2, 'Who attended?'), z.maxLength(500)),
  notes: plainText(z.minLength(2, 'What was agreed?'), z.maxLength(5000)),
  links: z
    .array(
      z.object({
        number: ticketNumber,
        followUp: plainText(z.minLength(2, 'Say what happens next.'), z.maxLength(1000)),
        newDueDate: dueDate,
      }),
    )
    .check(z.maxLength(50)),
});

export const deskSupervision = new Hono<AppEnv>()
  .get('/supervision', validate('query', z.object({ subdistrict: z.optional(slug) })), async (c) => {
    const requested = c.req.valid('query').subdistrict;
    // Without a sub-district (admins, property staff): everything in the staff member's scope.
    const subdistrict =
      requested || c.var.staff.subdistrictId ? await subdistrictFor(c.var.db, c.var.staff, requested) : null;
    if (subdistrict) authorize(c.var.staff, 'ticket.read', placeOf(c.var.staff, subdistrict.id), 'subdistrict');
    else authorizeRole(c.var.staff, 'ticket.read');
    const now = c.var.platform.now();
    const items = await supervisionItems(c.var.db, c.var.staff, subdistrict?.id ?? null, now);
    // Overdue home visits stand on the same list as the desk's tickets.
    const homeVisits = await overdueVisits(c.var.db, c.var.staff, subdistrict?.id ?? null, now);
    c.header('Cache-Control', 'no-store');
    return c.json(
      {
        subdistrict: subdistrict && { slug: subdistrict.slug, name: subdistrict.name, nameEn: subdistrict.nameEn },
        items,
        homeVisits,
        disputes: await openDisputes(c.var.db, c.var.staff, subdistrict?.id ?? null, now),
        // Requests for more time the sub-district decides (it sees every one).
        extensions: await pendingExtensions(c.var.db, c.var.staff, subdistrict?.id ?? null),
      },
      200,
    );
  })
  .get('/meetings', validate('query', z.object({ subdistrict: z.optional(slug) })), async (c) => {
    const subdistrict = await subdistrictFor(c.var.db, c.var.staff, c.req.valid('query').subdistrict);
    authorize(c.var.staff, 'ticket.supervise', placeOf(c.var.staff, subdistrict.id), 'subdistrict');
    return c.json({ meetings: await progressMeetingsOf(c.var.db, subdistrict.id) }, 200);
  })
  .post('/meetings', limitBody(), validate('json', meetingBody), async (c) => {
    const body = c.req.valid('json');
    const { db, staff } = c.var;
    // An admin's meeting belongs to the sub-district of the tickets it discusses.
    const subdistrict = await subdistrictFor(
      db,
      staff,
      body.subdistrict ?? (staff.subdistrictId ? undefined : await subdistrictSlugOfTicket(db, body.links[0]?.number)),
    );
    authorize(staff, 'ticket.supervise', placeOf(staff, subdistrict.id), 'subdistrict');
    const links = body.links.map(({ newDueDate, ...link }) => ({ ...link, newDueAt: endOfShanghaiDay(newDueDate) }));
    const linked = await recordMeeting(
      db,
      staff,
      subdistrict.id,
      { heldAt: Date.parse(body.heldAt), attendees: body.attendees, notes: body.notes, links },
      c.var.platform.now(),
    );
    return c.json({ ok: true, linked }, 201);
  });
