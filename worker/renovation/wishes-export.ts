import { and, desc, eq, type SQL, sql } from 'drizzle-orm';
import { communities, compounds, renovationProjects, renovationWishes, volunteers } from '../../schema/index.ts';
import { type Column, type ExportPeriod, ROW_CAP } from '../lib/exports.ts';
import type { Db } from '../lib/platform.ts';
import { type ExportWhere, inPlaceAndPeriod } from '../places/export-place.ts';
import type { StaffMember } from '../staff/policy.ts';

/** The wishes a staff member may see: those of the projects their place runs (mirrors `projectScope`). */
function wishScope(who: StaffMember): SQL | undefined {
  if (who.role === 'admin') return undefined;
  if (who.role === 'subdistrict') return eq(renovationWishes.subdistrictId, who.subdistrictId ?? -1);
  if (who.role === 'community') return eq(renovationWishes.communityId, who.communityId ?? -1);
  return sql`0`;
}

/**
 * The wishes and objections sent in the period, within the member's scope and the place, newest
 * first, one more than the cap. Never the tracking token's hash.
 */
export function wishesForExport(db: Db, who: StaffMember, where: ExportWhere, period: ExportPeriod) {
  return db
    .select({
      number: renovationWishes.number,
      kind: renovationWishes.kind,
      channel: renovationWishes.channel,
      project: renovationProjects.title,
      community: communities.name,
      compound: compounds.name,
      description: renovationWishes.description,
      location: renovationWishes.location,
      name: renovationWishes.name,
      phone: renovationWishes.phone,
      volunteer: volunteers.name,
      meToo: renovationWishes.meToo,
      outcome: renovationWishes.outcome,
      outcomeNote: renovationWishes.outcomeNote,
      createdAt: renovationWishes.createdAt,
      answeredAt: renovationWishes.answeredAt,
      outcomeAt: renovationWishes.outcomeAt,
    })
    .from(renovationWishes)
    .innerJoin(renovationProjects, eq(renovationProjects.id, renovationWishes.projectId))
    .innerJoin(communities, eq(communities.id, renovationWishes.communityId))
    .innerJoin(compounds, eq(compounds.id, renovationWishes.compoundId))
    .leftJoin(volunteers, eq(volunteers.id, renovationWishes.volunteerId))
    .where(and(wishScope(who), inPlaceAndPeriod(renovationWishes, renovationWishes.createdAt, where, period)))
    .orderBy(desc(renovationWishes.id))
    .limit(ROW_CAP + 1);
}
type WishRow = Awaited<ReturnType<typeof wishesForExport>>[number];

const kindZh = { wish: '小心愿', objection: '异议' } as const;

/** The columns of the wishes export; the resident's name and phone only when `personal`. */
export function wishColumns(personal: boolean): Column<WishRow>[] {
  return [
    { key: 'number', zh: '编号', value: (r) => r.number },
    { key: 'kind', zh: '类型', value: (r) => r.kind, csv: (r) => kindZh[r.kind] },
    { key: 'project', zh: '改造项目', value: (r) => r.project },
    { key: 'community', zh: '社区', value: (r) => r.community },
    { key: 'compound', zh: '小区', value: (r) => r.compound },
    { key: 'description', zh: '内容', value: (r) => r.description },
    { key: 'location', zh: '位置', value: (r) => r.location },
    { key: 'channel', zh: '来源', value: (r) => r.channel },
    { key: 'volunteer', zh: '代录信息员', value: (r) => r.volunteer },
    { key: 'name', zh: '联系人', value: (r) => (personal ? r.name : null) },
    { key: 'phone', zh: '电话', value: (r) => (personal ? r.phone : null) },
    { key: 'meToo', zh: '我也希望', value: (r) => r.meToo },
    { key: 'outcome', zh: '答复', value: (r) => r.outcome },
    { key: 'outcomeNote', zh: '答复说明', value: (r) => r.outcomeNote },
    { key: 'createdAt', zh: '提交时间', value: (r) => r.createdAt, time: true },
    { key: 'answeredAt', zh: '首次答复时间', value: (r) => r.answeredAt, time: true },
    { key: 'outcomeAt', zh: '最近答复时间', value: (r) => r.outcomeAt, time: true },
  ];
}
