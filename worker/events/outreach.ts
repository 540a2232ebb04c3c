import { and, lt, ne, sql } from 'drizzle-orm';
import { eventChannels, eventSignups, events } from '../../schema/index.ts';
import type { Column, ExportPeriod } from '../lib/exports.ts';
import type { Db } from '../lib/platform.ts';
import { HOUR_MS } from '../lib/time.ts';
import { type ExportWhere, inPlaceAndPeriod } from '../places/export-place.ts';

type Channel = (typeof eventChannels)[number];
const checkedIn = sql`coalesce((select sum(s.seats) from ${eventSignups} s
  where s.event_id = ${events.id} and s.checked_in_at is not null and s.status != 'cancelled'), 0)`;
const signedUp = sql`coalesce((select sum(s.seats) from ${eventSignups} s
  where s.event_id = ${events.id} and s.status = 'confirmed'), 0)`;
const num = (expr: ReturnType<typeof sql>) => sql<number>`coalesce(${expr}, 0)`.mapWith(Number);

/**
 * Outreach by channel (三位一体: on the ground, loudspeakers, online) for a place and period:
 * the sessions held (not cancelled, already started, starting in the period), their hours, the
 * attendance (the summary's figure, else the seats checked in at the door), the seats checked
 * in and signed up, and how far they reached. Sites and groups are the largest number one
 * session recorded, since the same loudspeaker sites and WeChat groups serve session after
 * session; on the ground, the distinct venues count as sites unless a summary says more.
 * @example await outreachFigures(db, { subdistrictId: 4 }, exportPeriod({}, now), now)
 */
export async function outreachFigures(db: Db, where: ExportWhere, period: ExportPeriod, now: number) {
  const rows = await db
    .select({
      channel: events.channel,
      sessions: num(sql`count(*)`),
      ms: num(sql`sum(${events.endsAt} - ${events.startsAt})`),
      attendance: num(sql`sum(coalesce(${events.attendance}, ${checkedIn}))`),
      checkedIn: num(sql`sum(${checkedIn})`),
      signups: num(sql`sum(${signedUp})`),
      venues: num(
        sql`max(coalesce(max(${events.venues}), 0), count(distinct case when ${events.channel} = 'onsite' then ${events.venue} end))`,
      ),
      groups: num(sql`max(${events.groups})`),
    })
    .from(events)
    .where(
      and(
        ne(events.status, 'cancelled'),
        lt(events.startsAt, now),
        inPlaceAndPeriod(events, events.startsAt, where, period),
      ),
    )
    .groupBy(events.channel);
  const byChannel = new Map(rows.map((r) => [r.channel, r]));
  return eventChannels.map((channel) => {
    const r = byChannel.get(channel);
    return {
      channel,
      sessions: r?.sessions ?? 0,
      hours: Math.round(((r?.ms ?? 0) / HOUR_MS) * 10) / 10,
      attendance: r?.attendance ?? 0,
      checkedIn: r?.checkedIn ?? 0,
      signups: r?.signups ?? 0,
      venues: r?.venues ?? 0,
      groups: r?.groups ?? 0,
    };
  });
}
export type OutreachRow = Awaited<ReturnType<typeof outreachFigures>>[number];

const channelZh: Record<Channel, string> = { onsite: '在现场', loudspeaker: '大喇叭', online: '线上' };

/** The columns of the outreach export, one row per channel. */
export const outreachColumns: Column<OutreachRow>[] = [
  { key: 'channel', zh: '渠道', value: (r) => r.channel, csv: (r) => channelZh[r.channel] },
  { key: 'sessions', zh: '场次', value: (r) => r.sessions },
  { key: 'hours', zh: '时长（小时）', value: (r) => r.hours },
  { key: 'attendance', zh: '参与人次', value: (r) => r.attendance },
  { key: 'checkedIn', zh: '签到人次', value: (r) => r.checkedIn },
  { key: 'signups', zh: '报名人次', value: (r) => r.signups },
  { key: 'venues', zh: '覆盖点位', value: (r) => r.venues },
  { key: 'groups', zh: '覆盖群数', value: (r) => r.groups },
];
