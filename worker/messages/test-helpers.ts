import { asc, eq } from 'drizzle-orm';
import { messageOptins, messageOutbox, tickets } from '../../schema/index.ts';
import type { Db } from '../lib/platform.ts';

/** A ticket's outbox rows (through its opt-ins), oldest first. */
export async function outboxOfTicket(db: Db, number: string) {
  const [t] = await db.select({ id: tickets.id }).from(tickets).where(eq(tickets.number, number));
  return db
    .select({ m: messageOutbox })
    .from(messageOutbox)
    .innerJoin(messageOptins, eq(messageOptins.id, messageOutbox.optinId))
    .where(eq(messageOptins.subjectId, t!.id))
    .orderBy(asc(messageOutbox.id))
    .then((rows) => rows.map((r) => r.m));
}
