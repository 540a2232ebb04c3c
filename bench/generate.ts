/**
 * The bench database: a fresh temp file with migrations and the newspaper demo (as the tests
 * make it), scaled up with generated places, articles, events and tickets written through the
 * app's own schema. Deterministic (seeded), so every run measures the same data.
 */

import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { count, eq, max } from 'drizzle-orm';
import {
  type ArticleCredit,
  articles,
  communities,
  compounds,
  type EventKind,
  eventSeries,
  eventSignups,
  events,
  homeServices,
  homeVisits,
  propertyCompanies,
  propertyCompanyCompounds,
  renovationProjects,
  renovationWishes,
  subdistricts,
  type TicketStatus,
  ticketCategories,
  tickets,
  timelineEntries,
} from '../schema/index.ts';
import { createApp } from '../worker/app.ts';
import { aVisit } from '../worker/home-visits/test-helpers.ts';
import { hashToken, randomToken } from '../worker/lib/crypto.ts';
import type { Db } from '../worker/lib/platform.ts';
import { shanghaiDay } from '../worker/lib/time.ts';
import { summaryOf } from '../worker/news/editing.ts';
import { loadDemoDesk } from '../worker/node/demo/desk.ts';
import { freshDatabase, testPlatform } from '../worker/node/test-database.ts';

/** The bench's data at a multiple of the district it models (1×: 24 communities). */
export const scaleAt = (factor: number) => ({
  factor,
  /** A bigger district has more sub-districts too, each with about as many communities (the demo has 5). */
  subdistricts: 5 * factor,
  communities: 24 * factor,
  articles: 2000 * factor,
  events: 500 * factor,
  tickets: 10_000 * factor,
  wishes: 1000 * factor,
  homeVisits: 500 * factor,
});
export type Scale = ReturnType<typeof scaleAt>;
export const scale = scaleAt(1);

const DAY = 24 * 60 * 60 * 1000;
const HOUR = 60 * 60 * 1000;

/** A small seeded generator (mulberry32): the same data every run. */
function random(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1));
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  return { next, int, pick };
}
type Rng = ReturnType<typeof random>;

/** Runs inserts in batches (one transaction each), as the app writes. */
async function inBatches(db: Db, statements: { run: () => unknown }[]) {
  for (let i = 0; i < statements.length; i += 50) {
    const part = statements.slice(i, i + 50) as unknown as Parameters<Db['batch']>[0];
    await db.batch(part);
  }
}
const chunks = <T>(rows: T[], size = 100) =>
  Array.from({ length: Math.ceil(rows.length / size) }, (_, i) => rows.slice(i * size, (i + 1) * size));

const streets = [
  ['daxuelu', '大学路'],
  ['changjianglu', '长江路'],
  ['hanghailu', '航海路'],
  ['longhailu', '陇海路'],
  ['minzhulu', '民主路'],
  ['zhengtonglu', '政通路'],
  ['xinghuajie', '兴华街'],
  ['jianshelu', '建设路'],
  ['huashanlu', '华山路'],
  ['fuhuajie', '福华街'],
  ['jiefanglu', '解放路'],
  ['minggonglu', '铭功路'],
  ['dehuajie', '德化街'],
  ['datonglu', '大同路'],
  ['changchunlu', '长春路'],
  ['qiliyan', '齐礼阎'],
  ['houzhai', '侯寨'],
  ['mazhai', '马寨'],
  ['yingtaogou', '樱桃沟'],
  ['wulibao', '五里堡'],
] as const;

async function addPlaces(db: Db, rng: Rng, now: number, scale: Scale) {
  const [district] = await db.select({ id: subdistricts.districtId }).from(subdistricts).limit(1);
  const [existingSubs] = await db.select({ n: count() }).from(subdistricts);
  const moreSubs = Array.from({ length: scale.subdistricts - existingSubs!.n }, (_, i) => ({
    districtId: district!.id,
    slug: `bench-jiedao-${i + 1}`,
    name: `第${i + 1}街道`,
    nameEn: `Sub-district No. ${i + 1}`,
  }));
  for (const part of chunks(moreSubs)) await db.insert(subdistricts).values(part);
  const subs = await db.select({ id: subdistricts.id }).from(subdistricts);
  const [existing] = await db.select({ n: count() }).from(communities);
  const wanted = scale.communities - existing!.n;
  const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
  // Past the list of street names, the names come round again with a number (大学路2社区).
  const newCommunities = Array.from({ length: wanted }, (_, i) => {
    const [street, name] = streets[i % streets.length]!;
    const round = Math.floor(i / streets.length);
    const slug = round ? `${street}-${round + 1}` : street;
    return {
      subdistrictId: subs[i % subs.length]!.id,
      slug,
      code:
        i < letters.length
          ? `B${letters[i]}`
          : `Z${letters[Math.floor(i / letters.length)]}${letters[i % letters.length]}`,
      name: `${name}${round ? round + 1 : ''}社区`,
      nameEn: `${slug} Community`,
      nameAssumed: true,
    };
  });
  const inserted = await db
    .insert(communities)
    .values(newCommunities)
    .returning({ id: communities.id, slug: communities.slug });
  const compoundRows = inserted.flatMap((c) =>
    [1, 2].map((n) => ({
      communityId: c.id,
      slug: `${c.slug}-${n}`,
      name: `${c.slug}${n}号院`,
      nameEn: `${c.slug} No. ${n}`,
      nameAssumed: true,
      buildings: Array.from({ length: rng.int(2, 8) }, (_, b) => ({
        name: `${b + 1}号楼`,
        units: ['1单元', '2单元', '3单元'],
      })),
    })),
  );
  const newCompounds = await db.insert(compounds).values(compoundRows).returning({ id: compounds.id });
  const companies = await db
    .insert(propertyCompanies)
    .values(
      [1, 2, 3, 4, 5].map((n) => ({
        slug: `bench-wuye-${n}`,
        name: `第${n}物业服务有限公司`,
        nameEn: `Property Services No. ${n}`,
      })),
    )
    .returning({ id: propertyCompanies.id });
  // Most compounds have a property company; some old courtyards have none (开放式楼院).
  const served = newCompounds
    .filter(() => rng.next() < 0.8)
    .map((c, i) => ({ propertyCompanyId: companies[i % companies.length]!.id, compoundId: c.id }));
  await db.insert(propertyCompanyCompounds).values(served);
  // The demo's categories, now in every community (the demo tickets exist, so none are added).
  await loadDemoDesk(db, now);
}

const demoBodies = readdirSync(new URL('../worker/node/demo/news/', import.meta.url))
  .filter((f) => f.endsWith('.md'))
  .map((f) => readFileSync(new URL(`../worker/node/demo/news/${f}`, import.meta.url), 'utf8'));
const paragraphs = demoBodies.flatMap((b) =>
  b
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter((p) => p.length > 20),
);
const kickers = ['学党史办实事', '社区小喇叭', '楼院新变化', '为民办实事', '文明实践', null];
const reporters = ['景静', '王磊', '刘洋'];
const correspondents = ['张秀玉', '吴陕南', '崔丹花', '李胜楠', '魏红敏', '赵敏'];

function articleBody(rng: Rng) {
  const parts = Array.from({ length: rng.int(3, 8) }, () => rng.pick(paragraphs));
  if (rng.next() < 0.4) parts.splice(1, 0, `**${rng.pick(paragraphs).slice(0, 12)}**`);
  if (rng.next() < 0.3) parts.push(`- ${rng.pick(paragraphs).slice(0, 30)}\n- ${rng.pick(paragraphs).slice(0, 30)}`);
  return parts.join('\n\n');
}

async function addArticles(db: Db, rng: Rng, now: number, scale: Scale) {
  const [existing] = await db.select({ n: count(), top: max(articles.id) }).from(articles);
  const places = await db.select({ id: communities.id, subdistrictId: communities.subdistrictId }).from(communities);
  const subs = await db.select({ id: subdistricts.id }).from(subdistricts);
  const rows = Array.from({ length: scale.articles - existing!.n }, (_, i) => {
    // 15% district-wide at 1×; a bigger district's office writes no more of them, its places do.
    const districtWide = rng.next() < 0.15 / scale.factor;
    const where = rng.next();
    const community = rng.pick(places);
    const place = districtWide
      ? { subdistrictId: null, communityId: null }
      : where < 0.7
        ? { subdistrictId: community.subdistrictId, communityId: community.id }
        : { subdistrictId: rng.pick(subs).id, communityId: null };
    const body = articleBody(rng);
    const createdAt = now - rng.int(0, 3 * 365) * DAY - rng.int(0, 12) * HOUR;
    const state = rng.next();
    const status = state < 0.9 ? ('published' as const) : state < 0.95 ? ('draft' as const) : ('unpublished' as const);
    const credits: ArticleCredit[] = [
      { name: rng.pick(reporters), role: 'reporter', contribution: rng.pick(['text', 'both'] as const) },
      {
        name: rng.pick(correspondents),
        role: 'correspondent',
        contribution: rng.pick(['text', 'photo', 'both'] as const),
      },
    ];
    return {
      id: existing!.top! + 1 + i,
      headline: `${rng
        .pick(paragraphs)
        .replace(/[“”"，。！？、：；\s]/g, '')
        .slice(0, rng.int(10, 22))}`,
      kicker: rng.pick(kickers),
      ...place,
      body,
      summary: summaryOf(body),
      credits,
      status,
      publishedAt: status === 'draft' ? null : createdAt + HOUR,
      createdAt,
      updatedAt: createdAt + HOUR,
    };
  });
  await inBatches(
    db,
    chunks(rows, 100).map((part) => db.insert(articles).values(part)),
  );
}

const eventKinds: EventKind[] = ['lecture', 'party_day', 'joint_meeting', 'outreach', 'other'];
const eventTitles = [
  '小板凳课堂',
  '主题党日',
  '四方联席会',
  '防范养老诈骗讲座',
  '老年人冬季保健讲座',
  '垃圾分类宣传',
  '消防安全演练',
  '邻里节',
];
const surnames = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴'];
const hex = () => randomBytes(32).toString('hex');

async function addEvents(db: Db, rng: Rng, now: number, scale: Scale) {
  const [existing] = await db.select({ n: count(), top: max(events.id) }).from(events);
  const places = await db.select({ id: communities.id, subdistrictId: communities.subdistrictId }).from(communities);
  const rows: (typeof events.$inferInsert)[] = [];
  let id = existing!.top!;
  while (rows.length < scale.events - existing!.n) {
    const community = rng.pick(places);
    const byCommunity = rng.next() < 0.8;
    const startsAt = now + rng.int(-180, 60) * DAY + rng.int(8, 19) * HOUR;
    const capacity = rng.next() < 0.8 ? rng.int(10, 60) : null;
    const past = startsAt < now;
    rows.push({
      id: ++id,
      title: rng.pick(eventTitles),
      kind: rng.pick(eventKinds),
      subdistrictId: community.subdistrictId,
      communityId: byCommunity ? community.id : null,
      speaker: rng.next() < 0.5 ? `${rng.pick(surnames)}老师` : null,
      description: rng.pick(paragraphs),
      channel: rng.next() < 0.85 ? 'onsite' : 'loudspeaker',
      venue: '社区党群服务中心',
      startsAt,
      endsAt: startsAt + rng.int(1, 3) * HOUR,
      capacity,
      status: past ? (rng.next() < 0.95 ? 'completed' : 'cancelled') : 'scheduled',
      summary: past ? rng.pick(paragraphs) : null,
      attendance: past ? rng.int(5, 60) : null,
      createdAt: startsAt - 14 * DAY,
      updatedAt: startsAt - 14 * DAY,
    });
  }
  // A few weekly series, as the Small-Stool Class is.
  const series = await db
    .insert(eventSeries)
    .values(Array.from({ length: 10 }, () => ({ rule: 'FREQ=WEEKLY;COUNT=6', createdAt: now })))
    .returning({ id: eventSeries.id });
  for (const [i, s] of series.entries()) {
    for (const [n, e] of rows.slice(i * 6, i * 6 + 6).entries())
      Object.assign(e, { seriesId: s.id, sessionNumber: n + 1 });
  }
  const signups = rows.flatMap((e) => {
    const seats = e.capacity ?? 30;
    let taken = 0;
    return Array.from({ length: rng.int(0, 15) }, () => {
      const n = rng.int(1, 3);
      taken += n;
      const status =
        taken <= seats ? ('confirmed' as const) : rng.next() < 0.3 ? ('cancelled' as const) : ('waitlisted' as const);
      return {
        eventId: e.id!,
        tokenHash: hex(),
        name: `${rng.pick(surnames)}阿姨`,
        phone: `139${String(rng.int(0, 99_999_999)).padStart(8, '0')}`,
        seats: n,
        status,
        createdAt: e.createdAt,
        updatedAt: e.createdAt,
      };
    });
  });
  await inBatches(db, [
    ...chunks(rows, 100).map((part) => db.insert(events).values(part)),
    ...chunks(signups, 200).map((part) => db.insert(eventSignups).values(part)),
  ]);
}

const problems = [
  '楼道灯坏了，晚上看不见',
  '电梯经常停在半层',
  '车棚里飞线充电，很危险',
  '楼下装修噪音太大',
  '垃圾桶满了没人清',
  '消防通道被杂物堵住',
  '水管漏水渗到楼下',
  '门禁坏了外人随便进',
];
const flows: { status: TicketStatus; steps: [string, TicketStatus][] }[] = [
  { status: 'submitted', steps: [] },
  { status: 'accepted', steps: [['accepted', 'accepted']] },
  {
    status: 'in_progress',
    steps: [
      ['accepted', 'accepted'],
      ['started', 'in_progress'],
    ],
  },
  {
    status: 'resolved',
    steps: [
      ['accepted', 'accepted'],
      ['started', 'in_progress'],
      ['resolved', 'resolved'],
    ],
  },
  {
    status: 'closed',
    steps: [
      ['accepted', 'accepted'],
      ['started', 'in_progress'],
      ['resolved', 'resolved'],
      ['closed', 'closed'],
    ],
  },
];

/** One ticket whose private token the bench knows, for the tracking view. */
export type TrackedTicket = { number: string; token: string };

async function addTickets(db: Db, rng: Rng, now: number, scale: Scale): Promise<TrackedTicket> {
  const [existing] = await db.select({ n: count(), top: max(tickets.id) }).from(tickets);
  const places = await db
    .select({
      id: communities.id,
      subdistrictId: communities.subdistrictId,
      code: communities.code,
      slug: communities.slug,
    })
    .from(communities);
  const categories = await db.select().from(ticketCategories);
  const taken = new Set((await db.select({ number: tickets.number }).from(tickets)).map((t) => t.number));
  const sequence = new Map<string, number>();
  const tracked = { number: '', token: randomToken() };
  const trackedHash = await hashToken(tracked.token);
  const ticketRows: (typeof tickets.$inferInsert)[] = [];
  const eventRows: (typeof timelineEntries.$inferInsert)[] = [];
  let id = existing!.top!;
  for (let i = 0; i < scale.tickets - existing!.n; i++) {
    // The first one is Yong'an's, filed two days ago and being worked on: the one tracked.
    const community = i === 0 ? places.find((p) => p.slug === 'yongan')! : rng.pick(places);
    const category = rng.pick(categories.filter((c) => c.communityId === community.id));
    const createdAt = i === 0 ? now - 2 * DAY : now - rng.int(1, 365) * DAY - rng.int(0, 23) * HOUR;
    const prefix = `${community.code}-${shanghaiDay(createdAt)}-`;
    let n = sequence.get(prefix) ?? 0;
    do n++;
    while (taken.has(`${prefix}${String(n).padStart(4, '0')}`));
    sequence.set(prefix, n);
    const number = `${prefix}${String(n).padStart(4, '0')}`;
    const flow = i === 0 ? flows[2]! : createdAt < now - 30 * DAY ? rng.pick(flows.slice(3)) : rng.pick(flows);
    ticketRows.push({
      id: ++id,
      number,
      tokenHash: i === 0 ? trackedHash : hex(),
      subdistrictId: community.subdistrictId,
      communityId: community.id,
      categoryId: category.id,
      owner: category.owner,
      status: flow.status,
      channel: rng.pick(['web', 'web', 'web', 'walk_in', 'phone'] as const),
      description: `${rng.pick(problems)}。${rng.pick(paragraphs).slice(0, rng.int(10, 80))}`,
      location: `${rng.int(1, 8)}号楼${rng.int(1, 3)}单元`,
      name: rng.next() < 0.6 ? `${rng.pick(surnames)}阿姨` : null,
      phone: `138${String(rng.int(0, 99_999_999)).padStart(8, '0')}`,
      dueAt: createdAt + category.serviceDays * DAY,
      createdAt,
      resolvedAt: flow.steps.some(([, to]) => to === 'resolved') ? createdAt + 3 * DAY : null,
      closedAt: flow.status === 'closed' ? createdAt + 10 * DAY : null,
      updatedAt: createdAt + flow.steps.length * DAY,
      version: flow.steps.length + 1,
    });
    if (i === 0) tracked.number = number;
    eventRows.push({
      ticketId: id,
      at: createdAt,
      kind: 'submitted',
      visibility: 'public',
      toStatus: 'submitted',
      actor: 'resident',
      detail: { channel: 'web', category: category.code, owner: category.owner },
    });
    let from: TicketStatus = 'submitted';
    flow.steps.forEach(([kind, to], s) => {
      eventRows.push({
        ticketId: id,
        at: createdAt + (s + 1) * DAY,
        kind,
        visibility: 'public',
        fromStatus: from,
        toStatus: to,
        actor: 'staff',
        body: rng.pick(paragraphs).slice(0, 40),
      });
      if (rng.next() < 0.3)
        eventRows.push({
          ticketId: id,
          at: createdAt + (s + 1) * DAY + HOUR,
          kind: 'note',
          visibility: 'internal',
          actor: 'staff',
          body: '已电话联系居民。',
        });
      from = to;
    });
  }
  await inBatches(db, [
    ...chunks(ticketRows, 100).map((part) => db.insert(tickets).values(part)),
    ...chunks(eventRows, 200).map((part) => db.insert(timelineEntries).values(part)),
  ]);
  return tracked;
}

const wishTexts = [
  '希望加装楼道扶手',
  '希望增设充电桩',
  '反对在院内砍树',
  '希望多建几个休息座椅',
  '希望修好排水沟',
  '反对占用绿地停车',
];

/** A courtyard project for every generated compound, and wishes spread over all projects. */
async function addRenovation(db: Db, rng: Rng, now: number, scale: Scale) {
  const demoProjects = await db.select({ compoundId: renovationProjects.compoundId }).from(renovationProjects);
  const withProject = new Set(demoProjects.map((p) => p.compoundId));
  const places = await db
    .select({ id: compounds.id, communityId: compounds.communityId, subdistrictId: communities.subdistrictId })
    .from(compounds)
    .innerJoin(communities, eq(communities.id, compounds.communityId));
  const projectRows = places
    .filter((c) => !withProject.has(c.id))
    .map((c) => ({
      subdistrictId: c.subdistrictId,
      communityId: c.communityId,
      compoundId: c.id,
      title: `${rng.pick(['楼院', '小区', '家属院'])}“一院一案”改造`,
      summary: rng.pick(paragraphs),
      status: rng.pick(['consulting', 'consulting', 'plan_agreed', 'under_construction', 'completed'] as const),
      createdAt: now - rng.int(30, 700) * DAY,
      updatedAt: now - rng.int(0, 29) * DAY,
    }));
  for (const part of chunks(projectRows, 100)) await db.insert(renovationProjects).values(part);
  const projects = await db
    .select({
      id: renovationProjects.id,
      subdistrictId: renovationProjects.subdistrictId,
      communityId: renovationProjects.communityId,
      compoundId: renovationProjects.compoundId,
      code: communities.code,
    })
    .from(renovationProjects)
    .innerJoin(communities, eq(communities.id, renovationProjects.communityId));
  const [existing] = await db.select({ n: count() }).from(renovationWishes);
  const sequence = new Map<string, number>();
  const rows = Array.from({ length: scale.wishes - existing!.n }, () => {
    const project = rng.pick(projects);
    const createdAt = now - rng.int(1, 365) * DAY - rng.int(0, 23) * HOUR;
    const prefix = `${project.code}-${shanghaiDay(createdAt)}-W`;
    const n = (sequence.get(prefix) ?? 100) + 1;
    sequence.set(prefix, n);
    const answered = rng.next() < 0.6;
    return {
      number: `${prefix}${String(n).padStart(4, '0')}`,
      tokenHash: hex(),
      projectId: project.id,
      subdistrictId: project.subdistrictId,
      communityId: project.communityId,
      compoundId: project.compoundId,
      kind: rng.next() < 0.8 ? ('wish' as const) : ('objection' as const),
      description: `${rng.pick(wishTexts)}。${rng.pick(paragraphs).slice(0, rng.int(10, 60))}`,
      location: `${rng.int(1, 8)}号楼`,
      phone: `137${String(rng.int(0, 99_999_999)).padStart(8, '0')}`,
      meToo: rng.int(0, 12),
      outcome: answered ? rng.pick(['in_plan', 'came_true', 'not_possible'] as const) : ('received' as const),
      outcomeNote: answered ? rng.pick(paragraphs).slice(0, 40) : null,
      answeredAt: answered ? createdAt + 7 * DAY : null,
      outcomeAt: answered ? createdAt + 7 * DAY : null,
      createdAt,
      updatedAt: answered ? createdAt + 7 * DAY : createdAt,
    };
  });
  await inBatches(
    db,
    chunks(rows, 100).map((part) => db.insert(renovationWishes).values(part)),
  );
}

/** Home visits across the district, most of them long done. */
async function addHomeVisits(db: Db, rng: Rng, now: number, scale: Scale) {
  const services = await db.select({ id: homeServices.id, partnerId: homeServices.partnerId }).from(homeServices);
  const places = await db
    .select({ id: communities.id, subdistrictId: communities.subdistrictId, code: communities.code })
    .from(communities);
  const [existing] = await db.select({ n: count() }).from(homeVisits);
  const sequence = new Map<string, number>();
  const rows = Array.from({ length: scale.homeVisits - existing!.n }, () => {
    const community = rng.pick(places);
    const service = rng.pick(services);
    const createdAt = now - rng.int(1, 365) * DAY - rng.int(0, 23) * HOUR;
    const prefix = `${community.code}-H${shanghaiDay(createdAt)}-`;
    const n = (sequence.get(prefix) ?? 100) + 1;
    sequence.set(prefix, n);
    const status =
      createdAt < now - 30 * DAY ? ('closed' as const) : rng.pick(['requested', 'sent', 'scheduled'] as const);
    return {
      number: `${prefix}${String(n).padStart(4, '0')}`,
      tokenHash: hex(),
      subdistrictId: community.subdistrictId,
      communityId: community.id,
      serviceId: service.id,
      partnerId: status === 'requested' ? null : service.partnerId,
      status,
      relation: rng.pick(['self', 'family', 'neighbour'] as const),
      personName: `${rng.pick(surnames)}建国`,
      addressAs: `${rng.pick(surnames)}大爷`,
      building: `${rng.int(1, 8)}号楼`,
      unit: `${rng.int(1, 3)}单元`,
      room: `${rng.int(1, 6)}0${rng.int(1, 4)}`,
      phone: `136${String(rng.int(0, 99_999_999)).padStart(8, '0')}`,
      reason: rng.pick(['mobility', 'illness', 'age'] as const),
      dueAt: createdAt + 5 * DAY,
      createdAt,
      closedAt: status === 'closed' ? createdAt + 10 * DAY : null,
      updatedAt: createdAt + DAY,
    };
  });
  await inBatches(
    db,
    chunks(rows, 100).map((part) => db.insert(homeVisits).values(part)),
  );
}

/** A home visit asked for through the app itself, so the bench knows its number and private token. */
async function requestHomeVisit(db: Db, now: number): Promise<TrackedTicket> {
  const app = createApp(testPlatform(db, { now: () => now }));
  const res = await app.request('/api/home-visits', {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: 'http://localhost' },
    // The tests' request: a family member asks for a card replacement in Gongren Road.
    body: JSON.stringify(aVisit),
  });
  const body = (await res.json()) as { number?: string; token?: string };
  if (res.status !== 201 || !body.number || !body.token)
    throw new Error(`home-visit request answered ${res.status}: ${JSON.stringify(body)}`);
  return { number: body.number, token: body.token };
}

/**
 * A new bench database in a temp folder. `now` dates the demo and generated rows.
 * @example const b = await benchDatabase(); … ; await b.cleanup();
 */
export async function benchDatabase(now = Date.now(), factor = 1) {
  const started = performance.now();
  const size = scaleAt(factor);
  const t = await freshDatabase({ demo: true, now });
  const rng = random(20261126);
  await addPlaces(t.db, rng, now, size);
  await addArticles(t.db, rng, now, size);
  await addEvents(t.db, rng, now, size);
  const tracked = await addTickets(t.db, rng, now, size);
  await addRenovation(t.db, rng, now, size);
  await addHomeVisits(t.db, rng, now, size);
  const homeVisit = await requestHomeVisit(t.db, now);
  // Fold the write-ahead log into the file, so copies of it are complete and equal.
  await t.client.execute('PRAGMA wal_checkpoint(TRUNCATE)');
  const counted = async (
    table:
      | typeof communities
      | typeof articles
      | typeof events
      | typeof tickets
      | typeof renovationProjects
      | typeof renovationWishes
      | typeof homeVisits,
  ) => (await t.db.select({ n: count() }).from(table))[0]!.n;
  const rows = {
    communities: await counted(communities),
    articles: await counted(articles),
    events: await counted(events),
    tickets: await counted(tickets),
    projects: await counted(renovationProjects),
    wishes: await counted(renovationWishes),
    homeVisits: await counted(homeVisits),
  };
  // The report the newspaper gave most room to: a full-length article for the article view.
  const [article] = await t.db
    .select({ id: articles.id })
    .from(articles)
    .where(eq(articles.headline, '“五民工程”打造“五心楼院” 老旧小区变身和美小院'));
  // The newspaper's own courtyard: Renhe Road No. 6, the project the demo tells in full.
  const [project] = await t.db
    .select({ id: renovationProjects.id })
    .from(renovationProjects)
    .where(eq(renovationProjects.demo, false))
    .orderBy(renovationProjects.id)
    .limit(1);
  // Wishes go to projects still in consultation (a completed one takes none).
  const consulting = await t.db
    .select({ id: renovationProjects.id })
    .from(renovationProjects)
    .where(eq(renovationProjects.status, 'consulting'))
    .orderBy(renovationProjects.id);
  return {
    ...t,
    factor,
    rows,
    tracked,
    homeVisit,
    projectId: project!.id,
    consultingProjects: consulting.map((p) => p.id),
    articleId: article!.id,
    seconds: (performance.now() - started) / 1000,
  };
}
