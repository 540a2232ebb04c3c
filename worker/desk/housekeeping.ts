import { and, eq, inArray, lt, sql } from 'drizzle-orm';
import { photos, tickets, timelineEntries } from '../../schema/index.ts';
import { purgeSignupContacts } from '../events/housekeeping.ts';
import { purgeHelp } from '../help/households.ts';
import { homeVisitHousekeeping } from '../home-visits/housekeeping.ts';
import { purgeIdempotencyKeys } from '../lib/idempotency.ts';
import type { PhotoStore } from '../lib/photos.ts';
import type { Db } from '../lib/platform.ts';
import { purgePublicWrites } from '../lib/public-writes.ts';
import { DAY_MS } from '../lib/time.ts';
import { unclaimed } from '../lib/uploads.ts';
import { purgeOptinPhones } from '../messages/housekeeping.ts';
import { shownInNews } from '../news/photos.ts';
import { purgeWishContacts, shownOnPlanItem, wishPhotosExpired } from '../renovation/housekeeping.ts';
import { RETENTION_DAYS } from './file-ticket.ts';
import { AUTO_CLOSE_DAYS, finalStatuses } from './lifecycle.ts';

/**
 * The hourly job (a cron trigger on Workers, a timer on Node): closes tickets resolved long
 * enough ago, removes unclaimed uploads, and forgets what the stated retention periods allow
 * no longer to keep (the contact details of tickets, event sign-ups, renovation wishes and home
 * visits, and of residents who asked for text messages) and neighbourly help; home visits nobody
 * confirmed close as tickets do.
 */
export async function runHousekeeping(db: Db, store: PhotoStore, now: number) {
  const cutoff = now - AUTO_CLOSE_DAYS * DAY_MS;
  const due = and(eq(tickets.status, 'resolved'), lt(tickets.resolvedAt, cutoff));
  // The entries first (they select the tickets still resolved), then the tickets, in one transaction.
  const [, closed] = await db.batch([
    db.run(sql`insert into ${timelineEntries} (ticket_id, at, kind, visibility, body, from_status, to_status, actor)
      select id, ${now}, 'closed', 'public', null, 'resolved', 'closed', 'system' from ${tickets} where ${due}`),
    db
      .update(tickets)
      .set({ status: 'closed', closedAt: now, updatedAt: now, version: sql`${tickets.version} + 1` })
      .where(due),
  ]);

  const expired = and(inArray(tickets.status, finalStatuses), lt(tickets.updatedAt, now - RETENTION_DAYS * DAY_MS));
  const stale = await db
    .select({ key: photos.key })
    .from(photos)
    .where(
      sql`(${unclaimed()} and ${photos.createdAt} < ${now - DAY_MS} and not ${shownOnPlanItem()} and not ${shownInNews()})
        or ${photos.ticketId} in (select id from ${tickets} where ${expired}) or ${wishPhotosExpired(now)}`,
    );
  for (const { key } of stale) await store.delete(key);
  if (stale.length)
    await db.delete(photos).where(
      inArray(
        photos.key,
        stale.map((p) => p.key),
      ),
    );
  const anonymised = await db
    .update(tickets)
    .set({ phone: '', name: null })
    .where(and(expired, sql`${tickets.phone} != ''`));

  await purgePublicWrites(db, now);
  await purgeIdempotencyKeys(db, now);
  const signupsAnonymised = await purgeSignupContacts(db, now);
  const wishesAnonymised = await purgeWishContacts(db, now);
  const homeVisits = await homeVisitHousekeeping(db, now);
  const help = await purgeHelp(db, now);
  const optinPhonesForgotten = await purgeOptinPhones(db, now);
  return {
    optinPhonesForgotten,
    closed: closed.rowsAffected,
    photosRemoved: stale.length,
    anonymised: anonymised.rowsAffected,
    signupsAnonymised,
    wishesAnonymised,
    homeVisits,
    ...help,
  };
}
