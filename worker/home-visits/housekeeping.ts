import { and, inArray, lt, ne, sql } from 'drizzle-orm';
import { homeVisitEntries, homeVisits } from '../../schema/index.ts';
import type { Db } from '../lib/platform.ts';
import { DAY_MS } from '../lib/time.ts';
import { AUTO_CLOSE_DAYS, RETENTION_DAYS } from './input.ts';
import { finalVisitStatuses } from './lifecycle.ts';

/**
 * The home visits' part of the hourly job: closes visits done `AUTO_CLOSE_DAYS` ago that nobody
 * confirmed, and removes the personal details of visits over for `RETENTION_DAYS` (name, address,
 * phone, the reason's note, the door code, and what the requester wrote on the timeline).
 */
export async function homeVisitHousekeeping(db: Db, now: number) {
  const due = and(sql`${homeVisits.status} = 'visited'`, lt(homeVisits.visitedAt, now - AUTO_CLOSE_DAYS * DAY_MS));
  const [, closed] = await db.batch([
    db.run(sql`insert into ${homeVisitEntries} (visit_id, at, kind, visibility, from_status, to_status, actor)
      select id, ${now}, 'closed', 'public', 'visited', 'closed', 'system' from ${homeVisits} where ${due}`),
    db
      .update(homeVisits)
      .set({ status: 'closed', closedAt: now, updatedAt: now, version: sql`${homeVisits.version} + 1` })
      .where(due),
  ]);
  const expired = and(
    inArray(homeVisits.status, finalVisitStatuses),
    lt(homeVisits.updatedAt, now - RETENTION_DAYS * DAY_MS),
    ne(homeVisits.phone, ''),
  );
  const [, anonymised] = await db.batch([
    db
      .update(homeVisitEntries)
      .set({ body: null })
      .where(
        and(
          sql`${homeVisitEntries.actor} = 'resident'`,
          inArray(homeVisitEntries.visitId, db.select({ id: homeVisits.id }).from(homeVisits).where(expired)),
        ),
      ),
    db
      .update(homeVisits)
      .set({
        personName: '',
        requesterName: null,
        building: '',
        unit: '',
        room: '',
        phone: '',
        reasonNote: null,
        preferredTimes: '',
        visitCode: null,
      })
      .where(expired),
  ]);
  return { closed: closed.rowsAffected, anonymised: anonymised.rowsAffected };
}
