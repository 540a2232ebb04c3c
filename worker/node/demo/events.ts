import { count, eq } from 'drizzle-orm';
import {
  articles,
  communities,
  compounds,
  type EventKind,
  eventSeries,
  eventSignups,
  events,
  subdistricts,
} from '../../../schema/index.ts';
import { hashToken, randomToken } from '../../lib/crypto.ts';
import type { Db } from '../../lib/platform.ts';
import { loadDemoOutreach } from './outreach.ts';

const HOUR_MS = 60 * 60 * 1000;
const WEEK_MS = 7 * 24 * HOUR_MS;

/** A wall-clock time in Zhengzhou (UTC+8 all year) `days` after the Shanghai day of `now`. */
export function shanghaiTime(now: number, days: number, time: string): number {
  const local = new Date(now + 8 * HOUR_MS);
  const [h, m] = time.split(':').map(Number);
  return Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate() + days, h! - 8, m!);
}

type DemoEvent = {
  title: string;
  kind: EventKind;
  organiser: { community: string } | { subdistrict: string };
  speaker?: string;
  description: string;
  channel: 'onsite' | 'loudspeaker' | 'online';
  joinUrl?: string;
  venue: string;
  compound?: string;
  startsAt: number;
  hours: number;
  capacity?: number;
  signupOpen?: boolean;
};

const stoolTopics = [
  '疫情防控：家门口的防护常识',
  '卫生健康：老年人冬季保健',
  '法律法规：防范养老诈骗',
  '创卫创文：我们的楼院我们管',
  '永远跟党走：学习全会精神',
  '居民说：小板凳课堂怎么办更好',
];
/** The class moves to where residents are: the square, the meeting room, a courtyard. */
const stoolVenues = [
  '铁道洁云里小区广场',
  '铁道洁云里小区广场',
  '洁云路社区会议室',
  '铁道洁云里小区3号楼楼院',
  '铁道洁云里小区广场',
  '铁道洁云里小区广场',
];

function demoEvents(now: number): DemoEvent[] {
  return [
    {
      title: '全会精神“面对面”宣讲（地面）',
      kind: 'outreach',
      organiser: { subdistrict: 'mifengzhang' },
      speaker: '基层理论宣讲员',
      description: '“三位一体”宣讲之地面宣传：深入新时代文明实践站，面对面宣讲全会精神，欢迎居民参加。',
      channel: 'onsite',
      venue: '蜜蜂张街道新时代文明实践站',
      startsAt: shanghaiTime(now, 3, '15:00'),
      hours: 1.5,
      capacity: 50,
    },
    {
      title: '小喇叭宣讲（空中）',
      kind: 'outreach',
      organiser: { subdistrict: 'mifengzhang' },
      description:
        '“三位一体”宣讲之空中宣传：党员志愿者戴红袖箍、拿小喇叭，在排队等候时播放全会精神主要内容。无需报名。',
      channel: 'loudspeaker',
      venue: '辖区6个核酸检测点等候区',
      // 07:30 in Zhengzhou is 23:30 UTC the day before.
      startsAt: shanghaiTime(now, 1, '07:30'),
      hours: 2,
      signupOpen: false,
    },
    {
      title: '线上语音“书记讲党课”（网络）',
      kind: 'outreach',
      organiser: { subdistrict: 'mifengzhang' },
      speaker: '街道党工委书记',
      description: '“三位一体”宣讲之网络宣传：在31个“一核多元”工作微信群里线上语音讲党课。报名后社区会把您拉进群。',
      channel: 'online',
      joinUrl: 'https://example.com/linli-demo/mifengzhang-online-lecture',
      venue: '“一核多元”工作微信群',
      startsAt: shanghaiTime(now, 4, '20:00'),
      hours: 1,
    },
    {
      title: '主题党日：学习全会精神',
      kind: 'party_day',
      organiser: { community: 'yongan' },
      speaker: '乔贺',
      description: '社区党委主题党日，集中学习全会精神，欢迎党员和居民参加。',
      channel: 'onsite',
      venue: '永安社区党群服务中心',
      startsAt: shanghaiTime(now, 6, '09:00'),
      hours: 2,
      capacity: 40,
    },
  ];
}

async function idBySlug(db: Db, table: typeof communities | typeof subdistricts | typeof compounds, slug: string) {
  const [row] = await db.select({ id: table.id }).from(table).where(eq(table.slug, slug));
  if (!row) throw new Error(`demo events: no place ${slug}`);
  return row.id;
}

async function organiserOf(db: Db, o: DemoEvent['organiser']) {
  if ('subdistrict' in o) return { subdistrictId: await idBySlug(db, subdistricts, o.subdistrict), communityId: null };
  const [c] = await db
    .select({ id: communities.id, subdistrictId: communities.subdistrictId })
    .from(communities)
    .where(eq(communities.slug, o.community));
  if (!c) throw new Error(`demo events: no community ${o.community}`);
  return { subdistrictId: c.subdistrictId, communityId: c.id };
}

async function insertEvent(db: Db, e: DemoEvent, now: number, extra: Partial<typeof events.$inferInsert> = {}) {
  const [row] = await db
    .insert(events)
    .values({
      title: e.title,
      kind: e.kind,
      ...(await organiserOf(db, e.organiser)),
      speaker: e.speaker ?? null,
      description: e.description,
      channel: e.channel,
      joinUrl: e.joinUrl ?? null,
      venue: e.venue,
      compoundId: e.compound ? await idBySlug(db, compounds, e.compound) : null,
      startsAt: e.startsAt,
      endsAt: e.startsAt + e.hours * HOUR_MS,
      capacity: e.capacity ?? null,
      signupOpen: e.signupOpen ?? true,
      createdAt: now,
      updatedAt: now,
      ...extra,
    })
    .returning({ id: events.id });
  return row!.id;
}

/**
 * The events of the newspaper page, scheduled relative to `now` (the day the database is made)
 * so there is always something upcoming: the Jieyun Road Small-Stool Class as a weekly series,
 * the Mifengzhang three-channel outreach (with what it did in the last four weeks), a Yong'an
 * Party day, and last week's class with its summary (joint meetings come with their renovation projects: demo/renovation.ts). Loads
 * nothing if events exist already.
 */
export async function loadDemoEvents(db: Db, now: number): Promise<void> {
  const [existing] = await db.select({ n: count() }).from(events);
  if (existing!.n > 0) return;
  const stool = {
    title: '小板凳课堂',
    kind: 'lecture' as const,
    organiser: { community: 'jieyunlu' },
    speaker: '黄新生',
    channel: 'onsite' as const,
    compound: 'tiedao-jieyunli',
    hours: 1,
    capacity: 30,
  };

  // The newspaper's report on that class, when the news demo has loaded it.
  const [article] = await db
    .select({ id: articles.id })
    .from(articles)
    .where(eq(articles.headline, '小板凳大课堂 小区院里传党音'));
  await insertEvent(
    db,
    {
      ...stool,
      description: '“永远跟党走”专题宣讲：学习《十一次党代会19个关键词 读懂河南72年发展》。',
      venue: '铁道洁云里小区广场',
      startsAt: shanghaiTime(now, -8, '09:30'),
    },
    now,
    {
      status: 'completed',
      summary:
        '社区第一党支部书记黄新生带领现场党员群众学习《十一次党代会19个关键词 读懂河南72年发展》。大家坐在小板凳上侧耳倾听、提笔书写，谈体会、讲认识，气氛热烈。',
      attendance: 28,
      articleId: article?.id ?? null,
      version: 2,
    },
  );

  const sessions = stoolTopics.length;
  const [series] = await db
    .insert(eventSeries)
    .values({ rule: `FREQ=WEEKLY;COUNT=${sessions}`, createdAt: now })
    .returning({ id: eventSeries.id });
  const first = shanghaiTime(now, 2, '09:30');
  const ids: number[] = [];
  for (let i = 0; i < sessions; i++) {
    const venue = stoolVenues[i]!;
    const session = {
      ...stool,
      description: stoolTopics[i]!,
      venue,
      compound: venue.includes('铁道洁云里') ? stool.compound : undefined,
      startsAt: first + i * WEEK_MS,
    };
    ids.push(await insertEvent(db, session, now, { seriesId: series!.id, sessionNumber: i + 1 }));
  }
  for (const e of demoEvents(now)) await insertEvent(db, e, now);
  await loadDemoOutreach(
    (days, time) => shanghaiTime(now, days, time),
    (e, extra) => insertEvent(db, e, now, extra),
  );

  // A few neighbours have already signed up for the next class, so the door list is not empty.
  const neighbours: [string, string, number][] = [
    ['李大爷', '13900000001', 1],
    ['张阿姨', '13900000002', 2],
    ['刘奶奶', '13900000003', 1],
    ['赵师傅', '13900000004', 2],
  ];
  for (const [name, phone, seats] of neighbours) {
    await db.insert(eventSignups).values({
      eventId: ids[0]!,
      tokenHash: await hashToken(randomToken()),
      name,
      phone,
      seats,
      status: 'confirmed',
      createdAt: now,
      updatedAt: now,
    });
  }
}
