import { count, eq } from 'drizzle-orm';
import {
  communities,
  type Owner,
  partners,
  staff,
  ticketCategories,
  ticketParts,
  tickets,
  timelineEntries,
} from '../../../schema/index.ts';
import { workCalendar } from '../../calendar/calendar.ts';
import { changeTicket } from '../../desk/change.ts';
import { resolvedAt, respondedAt } from '../../desk/clock.ts';
import { fileTicket } from '../../desk/file-ticket.ts';
import { loadTicket } from '../../desk/views.ts';
import type { Db } from '../../lib/platform.ts';
import { DAY_MS, endOfShanghaiDay, zhengzhouDay } from '../../lib/time.ts';

/** The categories Yong'an's joint desk sorts by (from the page), given to every demo community. */
const categories: {
  code: string;
  name: string;
  nameEn: string;
  examples: string;
  examplesEn: string;
  owner: Owner;
  serviceDays: number;
  /** The urgent class: hours around the clock to fix and to respond. */
  clock?: 'hours';
  serviceHours?: number;
  responseHours?: number;
}[] = [
  {
    code: 'public-facilities',
    name: '公共设施',
    nameEn: 'Public facilities',
    examples: '楼道灯、监控、门禁、健身器材坏了或不够',
    examplesEn: 'Stairwell lights, CCTV, gates, exercise equipment broken or missing',
    owner: 'property',
    serviceDays: 5,
  },
  {
    code: 'repairs',
    name: '报修',
    nameEn: 'Repairs',
    examples: '水管漏水、电梯故障、屋顶渗水',
    examplesEn: 'Leaking pipes, lift breakdowns, roof leaks',
    owner: 'property',
    serviceDays: 3,
  },
  {
    code: 'parking',
    name: '停车管理',
    nameEn: 'Parking',
    examples: '乱停车、车位、电动车充电',
    examplesEn: 'Bad parking, parking spaces, e-bike charging',
    owner: 'property',
    serviceDays: 5,
  },
  {
    code: 'culture-sports',
    name: '文体活动',
    nameEn: 'Culture and sports',
    examples: '活动室、广场舞场地、兴趣班',
    examplesEn: 'Activity rooms, square-dance space, interest classes',
    owner: 'community',
    serviceDays: 7,
  },
  {
    code: 'fire-safety',
    name: '消防安全',
    nameEn: 'Fire safety',
    examples: '灭火器过期、楼道堆放杂物、飞线充电',
    examplesEn: 'Expired extinguishers, clutter in stairwells, charging cables from windows',
    owner: 'community',
    serviceDays: 3,
  },
  {
    code: 'illegal-construction',
    name: '违章建筑',
    nameEn: 'Illegal construction',
    examples: '私搭乱建、占用公共空间',
    examplesEn: 'Unauthorised structures, taking over shared space',
    owner: 'community',
    serviceDays: 7,
  },
  {
    code: 'rental-housing',
    name: '出租屋管理',
    nameEn: 'Rental housing',
    examples: '群租、租户登记',
    examplesEn: 'Overcrowded rentals, tenant registration',
    owner: 'community',
    serviceDays: 7,
  },
  {
    code: 'home-visit',
    name: '上门服务',
    nameEn: 'Home visit',
    examples: '行动不便，需要工作人员上门办理证件、社保卡等',
    examplesEn: 'Cannot get out: staff come home to handle ID, social-security cards and the like',
    owner: 'community',
    serviceDays: 7,
  },
  {
    code: 'nuisance-garbage',
    name: '扰民和乱堆垃圾',
    nameEn: 'Nuisance and dumped rubbish',
    examples: '噪音扰民，同时垃圾堵住消防通道',
    examplesEn: 'Noise, and rubbish blocking the fire lane',
    owner: 'joint',
    serviceDays: 5,
  },
  {
    code: 'stairwell-light',
    name: '楼道灯不亮（冬季）',
    nameEn: 'Stairwell light out (winter)',
    examples: '冬天天黑得早，楼道灯不亮，老人上下楼容易摔倒',
    examplesEn: 'Dark early in winter: with the stairwell light out, older residents can fall',
    owner: 'property',
    serviceDays: 1,
    clock: 'hours',
    serviceHours: 24,
    responseHours: 2,
  },
  {
    code: 'fire-lane',
    name: '消防通道堵塞',
    nameEn: 'Blocked fire lane',
    examples: '车辆、杂物或垃圾堵住消防通道',
    examplesEn: 'Cars, clutter or rubbish blocking the fire lane',
    owner: 'community',
    serviceDays: 1,
    clock: 'hours',
    serviceHours: 24,
    responseHours: 2,
  },
  {
    code: 'not-sure',
    name: '不知道归谁管',
    nameEn: 'Not sure who handles it',
    examples: '说不清归社区还是物业的事，我们当场帮您分清',
    examplesEn: "Not sure if it is the community's or the property company's job: we sort it out on the spot",
    owner: 'joint',
    serviceDays: 3,
  },
];

/** Loads the desk's demo: categories in every community and a few tickets in realistic states. */
export async function loadDemoDesk(db: Db, now: number): Promise<void> {
  const [federation] = await db.select({ id: partners.id }).from(partners).where(eq(partners.slug, 'songshanlu-dpf'));
  for (const community of await db.select({ id: communities.id, slug: communities.slug }).from(communities)) {
    await db
      .insert(ticketCategories)
      .values(
        categories.map((c, i) => ({
          ...c,
          communityId: community.id,
          sortOrder: i,
          partnerId: c.code === 'home-visit' && community.slug === 'gongrenlu' ? (federation?.id ?? null) : null,
        })),
      )
      .onConflictDoNothing();
  }
  const [existing] = await db.select({ n: count() }).from(tickets);
  if (existing!.n === 0) await loadDemoTickets(db, now);
}

async function staffId(db: Db, login: string) {
  const [row] = await db.select({ id: staff.id }).from(staff).where(eq(staff.login, login));
  return row?.id ?? null;
}

/** Files a demo ticket at a moment in the past and walks it through the given staff actions. */
async function demoTicket(
  db: Db,
  filedAt: number,
  input: Parameters<typeof fileTicket>[1],
  steps: {
    after: number;
    by: string;
    action?: 'accept' | 'start' | 'resolve';
    visibility?: 'public' | 'internal';
    kind: string;
    body?: string;
    set?: Record<string, unknown>;
  }[],
) {
  const { number } = await fileTicket(db, input, { now: filedAt, channel: 'walk_in' });
  for (const step of steps) {
    const row = (await loadTicket(db, number))!;
    const at = filedAt + step.after;
    await changeTicket(db, row.ticket, {
      action: step.action,
      version: row.ticket.version,
      now: at,
      // The same columns the desk's own actions set: the first response, the resolution's follow-up call.
      set: {
        ...(step.action === 'accept' || step.visibility !== 'internal' ? respondedAt(at) : {}),
        ...(step.action === 'resolve' ? resolvedAt(await workCalendar(db, at), at) : {}),
        ...step.set,
      },
      entry: {
        kind: step.kind,
        visibility: step.visibility ?? 'public',
        actor: 'staff',
        staffId: await staffId(db, step.by),
        body: step.body ?? null,
      },
    });
  }
  return number;
}

const hours = (h: number) => h * 60 * 60 * 1000;

async function loadDemoTickets(db: Db, now: number) {
  const base = { consent: true as const, photos: [], photosPublic: false };
  await demoTicket(
    db,
    now - 2 * DAY_MS,
    {
      ...base,
      community: 'yongan',
      compound: 'yongan-jiayuan',
      category: 'public-facilities',
      location: '2号楼1单元',
      // A position from the resident's phone (附上我的位置): the staff view links it to a map app.
      lat: 34.75082,
      long: 113.63124,
      phone: '13800000001',
      name: '王阿姨',
      description: '楼道灯坏了好久，晚上上下楼看不见。社区能联系物业给我们安装楼道灯吗？',
    },
    [
      {
        after: hours(1),
        by: 'yongan-wuye',
        action: 'accept',
        kind: 'accepted',
        body: '物业已登记，电工明天上门查看线路。',
      },
      {
        after: hours(20),
        by: 'yongan-wuye',
        action: 'start',
        kind: 'started',
        body: '电工已到现场，需要更换整条线路，灯具已订购。',
      },
    ],
  );
  await demoTicket(
    db,
    now - hours(5),
    {
      ...base,
      community: 'yongan',
      compound: 'yongan-jiayuan',
      category: 'public-facilities',
      location: '东门和车棚',
      phone: '13800000002',
      description: '小区里的监控区域能尽可能多覆盖一些吗？东门和车棚现在都拍不到。',
    },
    [],
  );
  const joint = await demoTicket(
    db,
    now - 9 * DAY_MS,
    {
      ...base,
      community: 'yongan',
      compound: 'yongan-jiayuan',
      category: 'nuisance-garbage',
      location: '3号楼北侧消防通道',
      lat: 34.75061,
      long: 113.63187,
      phone: '13800000003',
      name: '李师傅',
      description: '3号楼下堆满装修垃圾，堵住了消防通道；晚上十点以后还有人敲打，吵得睡不着。',
    },
    [
      {
        after: hours(2),
        by: 'yongan',
        action: 'accept',
        kind: 'accepted',
        body: '社区和物业联合处理：物业清运垃圾，社区找装修户谈施工时间。',
      },
      {
        after: hours(30),
        by: 'yongan',
        kind: 'flagged',
        body: '装修户联系不上，需要街道协调。',
        set: { flagged: true },
      },
    ],
  );
  await demoParts(db, joint, now - 9 * DAY_MS);
  const homeVisit = await demoTicket(
    db,
    now - 12 * DAY_MS,
    {
      ...base,
      community: 'gongrenlu',
      category: 'home-visit',
      location: '工人路社区（家中）',
      phone: '13800000004',
      name: '贺家',
      description: '孩子重度肢体残疾，不能自己出门，爷爷奶奶年纪大了也去不了银行，社保卡需要更换。',
    },
    [
      {
        after: hours(3),
        by: 'erqi-admin',
        action: 'accept',
        kind: 'accepted',
        body: '街道残联和社区已联系银行，约定上门办理。',
      },
      {
        after: 2 * DAY_MS,
        by: 'erqi-admin',
        action: 'resolve',
        kind: 'resolved',
        body: '中国银行郑州中原支行工作人员上门办理了社保卡更换及激活。',
      },
    ],
  );
  // The family rated it, as the page tells it: the figures' satisfaction rate has one to count.
  const rated = (await loadTicket(db, homeVisit))!;
  await changeTicket(db, rated.ticket, {
    version: rated.ticket.version,
    now: now - 9 * DAY_MS,
    set: { rating: 5, ratingComment: '银行的同志上门办好了，孩子不用出门，谢谢！' },
    entry: {
      kind: 'rated',
      visibility: 'public',
      actor: 'resident',
      body: '银行的同志上门办好了，孩子不用出门，谢谢！',
      detail: { score: 5 },
    },
  });
  await loadDemoClockTickets(db, now);
}

/**
 * The clock's demo: a ticket paused for repair funds, and three resolved on the last working day
 * whose follow-up call (回访) is due by the end of today, and not rated, so the follow-up list has
 * residents to call on a fresh start, on a weekend or holiday too (the previous working day's
 * call is due on the next working day, not yet on a Saturday).
 */
async function loadDemoClockTickets(db: Db, now: number) {
  const base = { consent: true as const, photos: [], photosPublic: false };
  const calendar = await workCalendar(db, now);
  const endOfToday = endOfShanghaiDay(zhengzhouDay(now));
  let yesterday = now - DAY_MS;
  while (!calendar.isWorkingDay(zhengzhouDay(yesterday)) || calendar.addWorkingDays(yesterday, 1) > endOfToday)
    yesterday -= DAY_MS;
  await demoTicket(
    db,
    now - 6 * DAY_MS,
    {
      ...base,
      community: 'yongan',
      compound: 'yongan-jiayuan',
      category: 'repairs',
      location: '5号楼屋顶',
      phone: '13800000005',
      name: '赵大爷',
      description: '5号楼顶层屋面一下雨就渗水，墙皮都泡掉了。',
    },
    [
      { after: hours(2), by: 'yongan-wuye', action: 'accept', kind: 'accepted', body: '物业已查看，需要整体做防水。' },
      {
        after: DAY_MS,
        by: 'yongan-wuye',
        kind: 'paused',
        body: '屋面防水要动用专项维修资金，正在等业主表决和资金拨付，拨付后马上施工。',
        set: {
          pausedAt: now - 6 * DAY_MS + DAY_MS,
          pauseReason: 'waiting_funds',
          pauseNote: '屋面防水要动用专项维修资金，正在等业主表决和资金拨付，拨付后马上施工。',
        },
      },
    ],
  );
  const resolved: [string, string, string, string, string][] = [
    ['repairs', '1号楼2单元', '13800000006', '孙阿姨', '1号楼2单元水管漏水，楼下墙面都湿了。'],
    ['public-facilities', '小区南门', '13800000007', '周师傅', '南门门禁刷卡没反应，老人进不了门。'],
    ['parking', '4号楼前', '13800000008', '吴女士', '4号楼前电动车乱停，挡住了轮椅坡道。'],
  ];
  for (const [category, location, phone, name, description] of resolved) {
    await demoTicket(
      db,
      yesterday - 3 * DAY_MS,
      { ...base, community: 'yongan', compound: 'yongan-jiayuan', category, location, phone, name, description },
      [
        { after: hours(1), by: 'yongan-wuye', action: 'accept', kind: 'accepted' },
        { after: 3 * DAY_MS, by: 'yongan-wuye', action: 'resolve', kind: 'resolved', body: '已处理完毕，请您查看。' },
      ],
    );
  }
}

/**
 * The joint ticket's parts in two states: the property company cleared the rubbish (done, with
 * its note), the community committee is still talking to the renovating household (working,
 * assigned to the yongan login).
 */
async function demoParts(db: Db, number: string, filedAt: number) {
  const row = (await loadTicket(db, number))!;
  const parts = await db.select().from(ticketParts).where(eq(ticketParts.ticketId, row.ticket.id));
  const at = (side: string) => parts.find((p) => p.side === side)!.id;
  const doneAt = filedAt + DAY_MS;
  await db.batch([
    db
      .update(ticketParts)
      .set({
        status: 'done',
        task: '清运消防通道上的装修垃圾',
        doneAt,
        doneNote: '装修垃圾已全部清运，消防通道已畅通。',
      })
      .where(eq(ticketParts.id, at('property'))),
    db
      .update(ticketParts)
      .set({ status: 'working', task: '约谈装修户，约定施工时间', assigneeStaffId: await staffId(db, 'yongan') })
      .where(eq(ticketParts.id, at('community'))),
    db.insert(timelineEntries).values({
      ticketId: row.ticket.id,
      at: doneAt,
      kind: 'part_done',
      visibility: 'public',
      body: '装修垃圾已全部清运，消防通道已畅通。',
      actor: 'staff',
      staffId: await staffId(db, 'yongan-wuye'),
      detail: { side: 'property' },
    }),
  ]);
}
