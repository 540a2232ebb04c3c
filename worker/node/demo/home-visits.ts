import { and, count, eq } from 'drizzle-orm';
import {
  communities,
  communityHomeServices,
  homeServices,
  homeVisits,
  partnerCommunities,
  partners,
  staff,
  ticketCategories,
} from '../../../schema/index.ts';
import { changeVisit, type VisitEntry } from '../../home-visits/change.ts';
import { homeVisitHousekeeping } from '../../home-visits/housekeeping.ts';
import type { NewHomeVisit } from '../../home-visits/input.ts';
import type { VisitTransition } from '../../home-visits/lifecycle.ts';
import { requestHomeVisit } from '../../home-visits/request.ts';
import { loadVisit } from '../../home-visits/views.ts';
import type { Db } from '../../lib/platform.ts';
import { DAY_MS } from '../../lib/time.ts';

/** Home services of the page's two partners; Gongren Road offers the card replacement and the federation's review. */
const services = [
  {
    partner: 'boc-zhongyuan',
    code: 'sscard-replace',
    name: '社保卡更换及激活',
    nameEn: 'Social-security card replacement and activation',
    prepare: '本人身份证（或户口本）、旧社保卡；家属代办请带上家属身份证。',
    prepareEn:
      "The person's ID card (or household register) and the old card; a family member helping brings their own ID.",
    eligibility: '行动不便无法到网点：残疾、卧床、80岁以上老人。',
    eligibilityEn: 'Cannot get to a branch: disabled, bedridden, or over 80.',
    leadDays: 7,
    offered: true,
  },
  {
    partner: 'boc-zhongyuan',
    code: 'bank-account',
    name: '开通金融账户',
    nameEn: 'Opening a bank account',
    prepare: '本人身份证、手机。',
    prepareEn: "The person's ID card and mobile phone.",
    eligibility: '行动不便无法到网点：残疾、卧床、80岁以上老人。',
    eligibilityEn: 'Cannot get to a branch: disabled, bedridden, or over 80.',
    leadDays: 7,
    offered: false,
  },
  {
    partner: 'songshanlu-dpf',
    code: 'disability-review',
    name: '残疾证审核与换领',
    nameEn: 'Disability certificate review and renewal',
    prepare: '残疾证、身份证、近期病历或诊断证明。',
    prepareEn: 'The disability certificate, ID card, and recent medical records.',
    eligibility: '持证残疾人，无法自行到街道残联。',
    eligibilityEn: 'Certificate holders who cannot come to the federation themselves.',
    leadDays: 10,
    offered: true,
  },
];

const staffId = async (db: Db, login: string) =>
  (await db.select({ id: staff.id }).from(staff).where(eq(staff.login, login)))[0]?.id ?? null;

/** Files a demo request at a moment in the past and walks it through the given steps. */
async function demoVisit(
  db: Db,
  at: number,
  input: NewHomeVisit,
  steps: {
    after: number;
    step: VisitTransition;
    by?: string;
    set?: Record<string, unknown>;
    entry: Partial<VisitEntry> & { kind: string };
  }[],
) {
  const { number } = await requestHomeVisit(db, input, {
    now: at,
    channel: 'phone',
    staffId: (await staffId(db, 'gongrenlu')) ?? undefined,
  });
  for (const s of steps) {
    const { visit } = (await loadVisit(db, number))!;
    await changeVisit(db, visit, {
      step: s.step,
      version: visit.version,
      now: at + s.after,
      set: s.set,
      entry: {
        visibility: 'public',
        actor: s.by ? (s.by === 'gongrenlu' ? 'staff' : 'partner') : 'resident',
        staffId: s.by ? await staffId(db, s.by) : null,
        ...s.entry,
      },
    });
  }
  return number;
}

const hours = (h: number) => h * 60 * 60 * 1000;
/** A moment in Zhengzhou. */
const zz = (iso: string) => Date.parse(`${iso}+08:00`);

/**
 * The 工人路社区 story as home visits: partners, services and what Gongren Road offers, the
 * page's case as a visit done on 29 November 2021 (the resident shortened to 贺先生: the demo is
 * public), and a live request waiting for the federation to accept it.
 */
export async function loadDemoHomeVisits(db: Db, now: number) {
  const [gongrenlu] = await db.select().from(communities).where(eq(communities.slug, 'gongrenlu'));
  if (!gongrenlu) return;
  const partnerIds = new Map(
    (await db.select({ id: partners.id, slug: partners.slug }).from(partners)).map((p) => [p.slug, p.id]),
  );
  for (const id of partnerIds.values())
    await db.insert(partnerCommunities).values({ partnerId: id, communityId: gongrenlu.id }).onConflictDoNothing();
  for (const { partner, offered, ...service } of services) {
    const [row] = await db
      .insert(homeServices)
      .values({ ...service, partnerId: partnerIds.get(partner)! })
      .onConflictDoUpdate({ target: homeServices.code, set: { name: service.name } })
      .returning({ id: homeServices.id });
    if (offered)
      await db
        .insert(communityHomeServices)
        .values({ communityId: gongrenlu.id, serviceId: row!.id })
        .onConflictDoNothing();
  }
  // Gongren Road's home-visit category now sends residents to the request form; its old tickets stay.
  await db
    .update(ticketCategories)
    .set({ homeVisits: true })
    .where(and(eq(ticketCategories.communityId, gongrenlu.id), eq(ticketCategories.code, 'home-visit')));
  const [existing] = await db.select({ n: count() }).from(homeVisits);
  if (existing!.n > 0) return;

  const base = { community: 'gongrenlu', consent: true as const, name: undefined, preferredTimes: '工作日上午' };
  const filed = zz('2021-11-24T10:00:00');
  await demoVisit(
    db,
    filed,
    {
      ...base,
      service: 'sscard-replace',
      forWhom: { relation: 'staff', name: '贺先生', addressAs: '贺先生' },
      address: { building: '（演示）', unit: '', room: '（演示）' },
      phone: '13800000004',
      reason: { kind: 'mobility', note: '重度肢体残疾，无法自主行动；爷爷奶奶年事已高，无法前往银行。' },
    },
    [
      {
        after: hours(1),
        step: 'approve',
        by: 'gongrenlu',
        entry: { kind: 'reviewed', body: '街道残联和社区核实：符合上门办理条件。' },
      },
      {
        after: hours(2),
        step: 'send',
        by: 'gongrenlu',
        set: { partnerId: partnerIds.get('boc-zhongyuan'), sentAt: filed + hours(2) },
        entry: { kind: 'sent', detail: { partner: 'boc-zhongyuan' } },
      },
      {
        after: hours(23),
        step: 'accept',
        by: 'boc-zhongyuan',
        set: {
          slotStart: zz('2021-11-29T09:30:00'),
          slotEnd: zz('2021-11-29T10:30:00'),
          visitorName: '中国银行客户经理',
        },
        entry: { kind: 'accepted', body: '11月29日上午上门办理。' },
      },
      { after: hours(26), step: 'confirm_slot', set: { visitCode: '2911' }, entry: { kind: 'slot_confirmed' } },
      {
        after: zz('2021-11-29T10:40:00') - filed,
        step: 'done',
        by: 'boc-zhongyuan',
        set: {
          outcome: 'done',
          visitedAt: zz('2021-11-29T10:40:00'),
          visitCode: null,
          outcomeNote: '上门办理了社保卡更换及激活。',
        },
        entry: { kind: 'visited', body: '上门办理了社保卡更换及激活。' },
      },
      {
        after: zz('2021-11-29T18:00:00') - filed,
        step: 'confirm_visit',
        set: { closedAt: zz('2021-11-29T18:00:00'), rating: 5, ratingComment: '感谢办事处、社区，感谢银行。' },
        entry: { kind: 'confirmed', body: '感谢办事处、社区，感谢银行。', detail: { score: 5 } },
      },
    ],
  );
  // That visit is long over: its personal details are gone, as the retention period says.
  await homeVisitHousekeeping(db, now);

  const asked = now - 2 * DAY_MS;
  await demoVisit(
    db,
    asked,
    {
      ...base,
      service: 'disability-review',
      forWhom: { relation: 'family', name: '刘奶奶', addressAs: '刘奶奶' },
      address: { building: '3号楼', unit: '2单元', room: '501' },
      phone: '13800000005',
      reason: { kind: 'age', note: '86岁，卧床，残疾证到期需要审核。' },
      preferredTimes: '周二或周四下午，孙女在家',
    },
    [
      {
        after: hours(3),
        step: 'approve',
        by: 'gongrenlu',
        entry: { kind: 'reviewed', body: '材料齐全，转街道残联。' },
      },
      {
        after: hours(4),
        step: 'send',
        by: 'gongrenlu',
        set: { partnerId: partnerIds.get('songshanlu-dpf'), sentAt: asked + hours(4) },
        entry: { kind: 'sent', detail: { partner: 'songshanlu-dpf' } },
      },
    ],
  );
}
