import { type SQL, sql } from 'drizzle-orm';
import type { TicketStatus } from '../../schema/index.ts';
import { ticketCategories, tickets } from '../../schema/index.ts';
import type { Db } from '../lib/platform.ts';
import { outboxInsert } from './outbox.ts';

/**
 * The outbox statement for a ticket's change, for `changeTicket`'s batch: a public status change
 * made by staff or the system tells the resident who opted in. It lands only if the change did
 * (the ticket has the version and time the change gave it); an hours-clock category is urgent.
 */
export function ticketStatusMessage(
  db: Db,
  t: { id: number; number: string; version: number; categoryId: number },
  to: TicketStatus,
  now: number,
) {
  return outboxInsert(db, {
    subjectKind: 'ticket',
    subjectId: t.id,
    kind: 'ticket_status',
    params: { number: t.number, status: to },
    urgent: urgentCategory(t.categoryId),
    dedupe: `ticket:${t.id}:v${t.version + 1}`,
    now,
    guard: sql`exists (select 1 from ${tickets} where id = ${t.id} and version = ${t.version + 1} and updated_at = ${now})`,
  });
}

/** The outbox statement for a public reply from staff (a note has no version: one per instant). */
export function staffReplyMessage(db: Db, t: { id: number; number: string; categoryId: number }, now: number) {
  return outboxInsert(db, {
    subjectKind: 'ticket',
    subjectId: t.id,
    kind: 'staff_reply',
    params: { number: t.number },
    urgent: urgentCategory(t.categoryId),
    dedupe: `ticket:${t.id}:reply:${now}`,
    now,
  });
}

const urgentCategory = (categoryId: number): SQL =>
  sql`coalesce((select clock = 'hours' from ${ticketCategories} where id = ${categoryId}), 0)`;
