import { and, asc, eq } from 'drizzle-orm';
import { communities, eventSignups, events, subdistricts } from '../../schema/index.ts';
import { type Column, type ExportPeriod, ROW_CAP } from '../lib/exports.ts';
import type { Db } from '../lib/platform.ts';
import { type ExportWhere, inPlaceAndPeriod } from '../places/export-place.ts';
import type { StaffMember } from '../staff/policy.ts';
import { eventScope } from './organise.ts';

/**
 * The sign-ups of the events starting in the period that the member organises (their scope) in
 * the place, by event and then in sign-up order, one more than the cap. Never the resident's
 * token or its hash.
 */
export function signupsForExport(db: Db, who: StaffMember, where: ExportWhere, period: ExportPeriod) {
  return db
    .select({
      eventId: events.id,
      title: events.title,
      channel: events.channel,
      organiser: communities.name,
      subdistrict: subdistricts.name,
      venue: events.venue,
      startsAt: events.startsAt,
      eventStatus: events.status,
      name: eventSignups.name,
      phone: eventSignups.phone,
      seats: eventSignups.seats,
      status: eventSignups.status,
      createdAt: eventSignups.createdAt,
      checkedInAt: eventSignups.checkedInAt,
      cancelledAt: eventSignups.cancelledAt,
    })
    .from(eventSignups)
    .innerJoin(events, eq(events.id, eventSignups.eventId))
    .innerJoin(subdistricts, eq(subdistricts.id, events.subdistrictId))
    .leftJoin(communities, eq(communities.id, events.communityId))
    .where(and(eventScope(who), inPlaceAndPeriod(events, events.startsAt, where, period)))
    .orderBy(asc(events.startsAt), asc(events.id), asc(eventSignups.id))
    .limit(ROW_CAP + 1);
}
type SignupRow = Awaited<ReturnType<typeof signupsForExport>>[number];

const statusZh = { confirmed: '已确认', waitlisted: '候补', cancelled: '已取消' } as const;

/** The columns of the sign-ups export; the resident's name and phone only when `personal`. */
export function signupColumns(personal: boolean): Column<SignupRow>[] {
  return [
    { key: 'eventId', zh: '活动编号', value: (r) => r.eventId },
    { key: 'title', zh: '活动', value: (r) => r.title },
    { key: 'startsAt', zh: '活动时间', value: (r) => r.startsAt, time: true },
    { key: 'channel', zh: '渠道', value: (r) => r.channel },
    { key: 'organiser', zh: '主办', value: (r) => r.organiser ?? r.subdistrict },
    { key: 'venue', zh: '地点', value: (r) => r.venue },
    { key: 'eventStatus', zh: '活动状态', value: (r) => r.eventStatus },
    { key: 'name', zh: '姓名', value: (r) => (personal ? r.name : null) },
    { key: 'phone', zh: '电话', value: (r) => (personal ? r.phone : null) },
    { key: 'seats', zh: '座位', value: (r) => r.seats },
    { key: 'status', zh: '报名状态', value: (r) => r.status, csv: (r) => statusZh[r.status] },
    { key: 'createdAt', zh: '报名时间', value: (r) => r.createdAt, time: true },
    { key: 'checkedInAt', zh: '签到时间', value: (r) => r.checkedInAt, time: true },
    { key: 'cancelledAt', zh: '取消时间', value: (r) => r.cancelledAt, time: true },
  ];
}
