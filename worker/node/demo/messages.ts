import { count, desc, like, ne } from 'drizzle-orm';
import { messageOptins, messageOutbox, tickets } from '../../../schema/index.ts';
import type { Db } from '../../lib/platform.ts';
import { optinInsert, outboxInsert } from '../../messages/outbox.ts';

/**
 * A few residents of the demo who ticked "状态有变化时给我发短信", and the messages their tickets'
 * changes would have sent, held: with nothing configured the admin's outbox (/staff/messages)
 * shows a newcomer what would go out. Held, never pending, so configuring a channel later does
 * not text the demo's invented phones.
 */
export async function loadDemoMessages(db: Db, secret: string, now: number) {
  const [existing] = await db.select({ n: count() }).from(messageOptins);
  if (existing!.n > 0) return;
  const changed = await db
    .select({ id: tickets.id, number: tickets.number, status: tickets.status, phone: tickets.phone })
    .from(tickets)
    .where(ne(tickets.status, 'submitted'))
    .orderBy(desc(tickets.updatedAt))
    .limit(4);
  for (const [i, t] of changed.entries()) {
    const at = now - (i + 1) * 37 * 60_000;
    await db.batch([
      ...(await optinInsert(db, secret, 'ticket', t.id, t.phone || '13800000000', at)),
      outboxInsert(db, {
        subjectKind: 'ticket',
        subjectId: t.id,
        kind: i === 1 ? 'staff_reply' : 'ticket_status',
        params: { number: t.number, status: t.status },
        dedupe: `demo:ticket:${t.id}`,
        now: at,
      }),
      db
        .update(messageOutbox)
        .set({ status: 'held', lastError: 'no channel configured' })
        .where(like(messageOutbox.dedupeKey, 'demo:%')),
    ]);
  }
}
