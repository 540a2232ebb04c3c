import { and, desc, eq } from 'drizzle-orm';
import { communities, compounds, homeServices, homeVisits, partners } from '../../schema/index.ts';
import { type Column, type ExportPeriod, ROW_CAP } from '../lib/exports.ts';
import type { Db } from '../lib/platform.ts';
import { type ExportWhere, inPlaceAndPeriod } from '../places/export-place.ts';
import type { StaffMember } from '../staff/policy.ts';
import { visitScope } from './queue.ts';

/**
 * The home visits asked for in the period, within the staff member's scope (a partner: those
 * sent to it) and the place, newest first, one more than the cap. Never the visit code or the
 * tracking token's hash.
 */
export function visitsForExport(db: Db, who: StaffMember, where: ExportWhere, period: ExportPeriod) {
  return db
    .select({
      number: homeVisits.number,
      status: homeVisits.status,
      channel: homeVisits.channel,
      relation: homeVisits.relation,
      service: homeServices.name,
      partner: partners.name,
      community: communities.name,
      compound: compounds.name,
      addressAs: homeVisits.addressAs,
      reason: homeVisits.reason,
      personName: homeVisits.personName,
      requesterName: homeVisits.requesterName,
      building: homeVisits.building,
      unit: homeVisits.unit,
      room: homeVisits.room,
      phone: homeVisits.phone,
      createdAt: homeVisits.createdAt,
      dueAt: homeVisits.dueAt,
      slotStart: homeVisits.slotStart,
      visitedAt: homeVisits.visitedAt,
      outcome: homeVisits.outcome,
      rating: homeVisits.rating,
    })
    .from(homeVisits)
    .innerJoin(homeServices, eq(homeServices.id, homeVisits.serviceId))
    .innerJoin(communities, eq(communities.id, homeVisits.communityId))
    .leftJoin(compounds, eq(compounds.id, homeVisits.compoundId))
    .leftJoin(partners, eq(partners.id, homeVisits.partnerId))
    .where(and(visitScope(who), inPlaceAndPeriod(homeVisits, homeVisits.createdAt, where, period)))
    .orderBy(desc(homeVisits.id))
    .limit(ROW_CAP + 1);
}
type VisitRow = Awaited<ReturnType<typeof visitsForExport>>[number];

const address = (r: VisitRow) => [r.compound, r.building, r.unit, r.room].filter(Boolean).join(' ');

/** The columns of the home-visits export; the person's name, address and phone only when `personal`. */
export function visitColumns(personal: boolean): Column<VisitRow>[] {
  const only = (v: string | null) => (personal ? v : null);
  return [
    { key: 'number', zh: '编号', value: (r) => r.number },
    { key: 'status', zh: '状态', value: (r) => r.status },
    { key: 'service', zh: '服务', value: (r) => r.service },
    { key: 'partner', zh: '服务单位', value: (r) => r.partner },
    { key: 'community', zh: '社区', value: (r) => r.community },
    { key: 'addressAs', zh: '称呼', value: (r) => r.addressAs },
    { key: 'reason', zh: '原因', value: (r) => r.reason },
    { key: 'relation', zh: '申请人关系', value: (r) => r.relation },
    { key: 'channel', zh: '来源', value: (r) => r.channel },
    { key: 'personName', zh: '服务对象姓名', value: (r) => only(r.personName) },
    { key: 'requesterName', zh: '申请人姓名', value: (r) => only(r.requesterName) },
    { key: 'address', zh: '地址', value: (r) => only(address(r)) },
    { key: 'phone', zh: '电话', value: (r) => only(r.phone) },
    { key: 'createdAt', zh: '申请时间', value: (r) => r.createdAt, time: true },
    { key: 'dueAt', zh: '办理期限', value: (r) => r.dueAt, time: true },
    { key: 'slotStart', zh: '预约上门时间', value: (r) => r.slotStart, time: true },
    { key: 'visitedAt', zh: '上门时间', value: (r) => r.visitedAt, time: true },
    { key: 'outcome', zh: '结果', value: (r) => r.outcome },
    { key: 'rating', zh: '评价', value: (r) => r.rating },
  ];
}
