import { and, desc, eq } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { communities, compounds, staff as staffAccounts, ticketCategories, tickets } from '../../schema/index.ts';
import { type Column, type ExportPeriod, ROW_CAP } from '../lib/exports.ts';
import type { Db } from '../lib/platform.ts';
import { type ExportWhere, inPlaceAndPeriod } from '../places/export-place.ts';
import type { StaffMember } from '../staff/policy.ts';
import { overdueCondition } from './clock.ts';
import { ticketScope } from './scope.ts';

const assignee = alias(staffAccounts, 'assignee');

/**
 * The tickets filed in the period within the staff member's scope and the place, newest first,
 * one more than the cap (so the writer can tell it cut). Never the tracking token's hash.
 */
export function ticketsForExport(db: Db, who: StaffMember, where: ExportWhere, period: ExportPeriod, now: number) {
  return db
    .select({
      number: tickets.number,
      status: tickets.status,
      owner: tickets.owner,
      channel: tickets.channel,
      category: ticketCategories.name,
      community: communities.name,
      compound: compounds.name,
      location: tickets.location,
      description: tickets.description,
      name: tickets.name,
      phone: tickets.phone,
      assignee: assignee.displayName,
      createdAt: tickets.createdAt,
      dueAt: tickets.dueAt,
      firstResponseAt: tickets.firstResponseAt,
      resolvedAt: tickets.resolvedAt,
      closedAt: tickets.closedAt,
      overdue: overdueCondition(now)!.mapWith(Boolean),
      handoffs: tickets.handoffs,
      reopenCount: tickets.reopenCount,
      meToo: tickets.meToo,
      rating: tickets.rating,
      followUpResult: tickets.followUpResult,
    })
    .from(tickets)
    .innerJoin(ticketCategories, eq(ticketCategories.id, tickets.categoryId))
    .innerJoin(communities, eq(communities.id, tickets.communityId))
    .leftJoin(compounds, eq(compounds.id, tickets.compoundId))
    .leftJoin(assignee, eq(assignee.id, tickets.assigneeStaffId))
    .where(and(ticketScope(who), inPlaceAndPeriod(tickets, tickets.createdAt, where, period)))
    .orderBy(desc(tickets.id))
    .limit(ROW_CAP + 1);
}
type TicketRow = Awaited<ReturnType<typeof ticketsForExport>>[number];

const statusZh = {
  submitted: '已提交',
  accepted: '已受理',
  in_progress: '办理中',
  resolved: '已解决',
  closed: '已办结',
  rejected: '不予受理',
  duplicate: '重复',
} as const;
const ownerZh = { community: '社区', property: '物业', joint: '联合' } as const;

/** The columns of the tickets export; the resident's name and phone only when `personal`. */
export function ticketColumns(personal: boolean): Column<TicketRow>[] {
  return [
    { key: 'number', zh: '编号', value: (r) => r.number },
    { key: 'status', zh: '状态', value: (r) => r.status, csv: (r) => statusZh[r.status] },
    { key: 'owner', zh: '责任方', value: (r) => r.owner, csv: (r) => ownerZh[r.owner] },
    { key: 'channel', zh: '来源', value: (r) => r.channel },
    { key: 'category', zh: '类别', value: (r) => r.category },
    { key: 'community', zh: '社区', value: (r) => r.community },
    { key: 'compound', zh: '小区', value: (r) => r.compound },
    { key: 'location', zh: '位置', value: (r) => r.location },
    { key: 'description', zh: '诉求内容', value: (r) => r.description },
    { key: 'name', zh: '联系人', value: (r) => (personal ? r.name : null) },
    { key: 'phone', zh: '电话', value: (r) => (personal ? r.phone : null) },
    { key: 'assignee', zh: '经办人', value: (r) => r.assignee },
    { key: 'createdAt', zh: '提交时间', value: (r) => r.createdAt, time: true },
    { key: 'dueAt', zh: '办理期限', value: (r) => r.dueAt, time: true },
    { key: 'firstResponseAt', zh: '首次响应时间', value: (r) => r.firstResponseAt, time: true },
    { key: 'resolvedAt', zh: '解决时间', value: (r) => r.resolvedAt, time: true },
    { key: 'closedAt', zh: '办结时间', value: (r) => r.closedAt, time: true },
    { key: 'overdue', zh: '超期', value: (r) => r.overdue, csv: (r) => (r.overdue ? '是' : '否') },
    { key: 'handoffs', zh: '转办次数', value: (r) => r.handoffs },
    { key: 'reopenCount', zh: '重办次数', value: (r) => r.reopenCount },
    { key: 'meToo', zh: '附议人数', value: (r) => r.meToo },
    { key: 'rating', zh: '评价', value: (r) => r.rating },
    { key: 'followUpResult', zh: '回访结果', value: (r) => r.followUpResult },
  ];
}
