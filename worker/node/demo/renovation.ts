import { count, eq } from 'drizzle-orm';
import {
  articles,
  communities,
  compounds,
  events,
  type MeetingDecision,
  type PlanItemStatus,
  partners,
  renovationAgendaItems,
  renovationMeetings,
  renovationPlanItems,
  renovationProjectArticles,
  renovationProjectPartners,
  renovationProjects,
  renovationWishes,
  subdistricts,
  type WishKind,
} from '../../../schema/index.ts';
import type { Db } from '../../lib/platform.ts';
import { answerStatements, type WishAnswer } from '../../renovation/answers.ts';
import { loadProject } from '../../renovation/projects.ts';
import { fileWish } from '../../renovation/wishes.ts';
import { shanghaiTime } from './events.ts';

const HOUR_MS = 60 * 60 * 1000;
/** A moment in Zhengzhou, for the 2021 story of the newspaper page. */
const at = (iso: string) => Date.parse(`${iso}+08:00`);

/** The page names no contractor or supervisor: these two are invented, and say so. */
const demoPartners = [
  {
    slug: 'demo-contractor',
    name: '（演示）某建设工程有限公司',
    nameEn: '(Demo) A construction company',
    kind: 'contractor' as const,
  },
  {
    slug: 'demo-supervisor',
    name: '（演示）某工程监理有限公司',
    nameEn: '(Demo) A site supervision company',
    kind: 'supervisor' as const,
  },
];

type DemoItem = { title: string; description: string; status: PlanItemStatus; doneOn?: string; expectedOn?: string };
type DemoWish = {
  kind: WishKind;
  description: string;
  location?: string;
  filedAt: number;
  meToo?: number;
  /** Index of the plan item it is about. */
  about?: number;
  answers?: { at: number; outcome: WishAnswer['outcome']; item?: number; note?: string }[];
};

/** 人和路6号院, as the newspaper page tells it (its dates are not printed; ours are in 2021, before the report). */
const renhe = {
  compound: 'renhelu-6',
  title: '人和路6号院“五心楼院”改造（一院一案）',
  summary:
    '始建于1986年的市委党校家属院：废弃花棚和宿舍被当成杂物间，路面坑洼，小广场杂草丛生。街道党工委书记牵头成立工作专班，就地驻扎、廊道议事，四方联席会和旧改联席会听取异议，按“一院一案”改造成“五心楼院”。',
  status: 'completed' as const,
  ledBy: 'subdistrict' as const,
  workingGroup: [
    { name: '淮河路街道党工委书记', role: '牵头，成立工作专班' },
    { name: '社区书记和抽调的工作人员', role: '进驻楼院，廊道议事' },
    { name: '楼院党支部', role: '社区直管党员、市委党校离退休党支部党员、在职党员' },
  ],
  items: [
    {
      title: '拆除违建：废弃阳光花房、废弃宿舍等2000余平方米',
      description: '与公共单位、群众代表多次沟通协商，15天内完成拆除。',
      status: 'done',
      doneOn: '2021-08-31',
    },
    { title: '整修路面', description: '年久失修、坑洼不平的路面重新铺好。', status: 'done', doneOn: '2021-10-15' },
    { title: '党员活动室', description: '崭新的党员活动室。', status: 'done', doneOn: '2021-10-30' },
    { title: '门球场和增设座椅', description: '门球场边增设座椅。', status: 'done', doneOn: '2021-11-05' },
    { title: '健康步道', description: '增设健康步道。', status: 'done', doneOn: '2021-11-10' },
    {
      title: '清理休息小广场',
      description: '无人打理、杂草丛生的小广场清理出来。',
      status: 'done',
      doneOn: '2021-09-20',
    },
    {
      title: '保护老紫藤树',
      description: '路面拓宽绕开老紫藤树，树下留出护树池。',
      status: 'done',
      doneOn: '2021-10-15',
    },
  ] satisfies DemoItem[],
  wishes: [
    {
      kind: 'wish',
      description: '院里的老紫藤树是党校的老记忆，改造时请保护好它。',
      filedAt: at('2021-08-20T10:00:00'),
      meToo: 12,
      answers: [
        { at: at('2021-08-23T16:00:00'), outcome: 'in_plan', item: 6 },
        { at: at('2021-10-16T09:00:00'), outcome: 'came_true', item: 6 },
      ],
    },
    {
      kind: 'wish',
      description: '门球场边上加几把座椅，老人打完球能歇歇脚。',
      filedAt: at('2021-08-25T09:30:00'),
      meToo: 8,
      answers: [
        { at: at('2021-08-27T15:00:00'), outcome: 'in_plan', item: 3 },
        { at: at('2021-11-06T09:00:00'), outcome: 'came_true', item: 3 },
      ],
    },
    {
      kind: 'wish',
      description: '修一条健康步道，早晚能散散步。',
      filedAt: at('2021-08-26T19:00:00'),
      meToo: 9,
      answers: [
        { at: at('2021-08-30T10:00:00'), outcome: 'in_plan', item: 4 },
        { at: at('2021-11-11T09:00:00'), outcome: 'came_true', item: 4 },
      ],
    },
  ] satisfies DemoWish[],
  objection: {
    kind: 'objection',
    description: '路面拓宽要砍老树，我们不同意砍树。',
    location: '紫藤树旁的楼栋',
    filedAt: at('2021-09-01T10:00:00'),
    about: 1,
  } satisfies DemoWish,
  meeting: {
    title: '人和路6号院四方联席会',
    startsAt: at('2021-09-03T15:00:00'),
    minutes:
      '楼院党支部、施工方、监理方、党员群众代表四方联席会。议定：路面拓宽绕开老紫藤树，树下留出护树池；施工方调整路线，监理方监督施工质量。',
    decision: {
      decision: 'changed' as MeetingDecision,
      item: 6,
      note: '路面拓宽绕开老紫藤树，不砍树，树下留出护树池。',
    },
    cameTrueAt: at('2021-10-16T09:00:00'),
  },
  story: '“五民工程”打造“五心楼院” 老旧小区变身和美小院',
};

/** Invented (and marked so): a consultation in Tiedao Jieyunli to try the live workflow, relative to today. */
const jieyunli = (now: number) => ({
  compound: 'tiedao-jieyunli',
  title: '（演示）铁道洁云里小区改造方案征求意见',
  summary: '演示数据：小区改造正在征求居民意见。欢迎提小心愿或异议，下周召开旧改联席会议定。',
  items: [
    { title: '楼道照明改造', description: '各楼栋楼道换装声控灯。', status: 'proposed', expectedOn: null },
    {
      title: '非机动车充电棚',
      description: '建设集中充电棚，消除飞线充电隐患。位置待议。',
      status: 'proposed',
      expectedOn: null,
    },
    {
      title: '小区广场铺装和座椅',
      description: '“小板凳课堂”所在的广场重新铺装，增设座椅。',
      status: 'agreed',
      expectedOn: null,
    },
  ] as (DemoItem & { expectedOn: null })[],
  wishes: [
    {
      kind: 'wish',
      description: '广场上多放几条长椅，小板凳课堂和平时乘凉都能用。',
      location: '3号楼',
      filedAt: now - 3 * 24 * HOUR_MS,
      meToo: 5,
      about: 2,
    },
    {
      kind: 'wish',
      description: '充电棚建在3号楼北侧的空地上，离住户远一些。',
      location: '3号楼1单元',
      filedAt: now - 2 * 24 * HOUR_MS,
      meToo: 2,
      about: 1,
      answers: [{ at: now - 24 * HOUR_MS, outcome: 'under_consideration', note: '社区正在和施工方看场地。' }],
    },
    {
      kind: 'objection',
      description: '反对把充电棚建在广场东侧，离窗户太近，担心安全。',
      location: '1号楼2单元',
      filedAt: now - 2 * 24 * HOUR_MS + 2 * HOUR_MS,
      about: 1,
    },
  ] satisfies DemoWish[],
  meeting: { startsAt: shanghaiTime(now, 7, '15:00'), venue: '洁云路社区会议室' },
});

async function idOf(db: Db, table: typeof compounds, slug: string) {
  const [row] = await db.select({ id: table.id }).from(table).where(eq(table.slug, slug));
  if (!row) throw new Error(`demo renovation: no compound ${slug}`);
  return row.id;
}

/** A project with its partners and plan items; returns the project row and the items' ids in order. */
async function insertProject(
  db: Db,
  p: { compound: string; title: string; summary: string; status: 'completed' | 'consulting'; demo: boolean },
  more: Partial<typeof renovationProjects.$inferInsert>,
  items: DemoItem[],
  createdAt: number,
) {
  const compoundId = await idOf(db, compounds, p.compound);
  const [place] = await db
    .select({ communityId: communities.id, subdistrictId: subdistricts.id })
    .from(compounds)
    .innerJoin(communities, eq(communities.id, compounds.communityId))
    .innerJoin(subdistricts, eq(subdistricts.id, communities.subdistrictId))
    .where(eq(compounds.id, compoundId));
  const [project] = await db
    .insert(renovationProjects)
    .values({
      ...place!,
      compoundId,
      title: p.title,
      summary: p.summary,
      status: p.status,
      demo: p.demo,
      ...more,
      createdAt,
      updatedAt: createdAt,
    })
    .returning({ id: renovationProjects.id });
  const id = project!.id;
  for (const slug of ['demo-contractor', 'demo-supervisor']) {
    const [partner] = await db.select().from(partners).where(eq(partners.slug, slug));
    await db
      .insert(renovationProjectPartners)
      .values({ projectId: id, partnerId: partner!.id, role: partner!.kind as 'contractor' | 'supervisor' });
  }
  const itemIds: number[] = [];
  for (const [position, item] of items.entries()) {
    const [row] = await db
      .insert(renovationPlanItems)
      .values({ ...item, projectId: id, position: position + 1, createdAt, updatedAt: createdAt })
      .returning({ id: renovationPlanItems.id });
    itemIds.push(row!.id);
  }
  return { row: (await loadProject(db, id))!, itemIds };
}

/** Files the wishes through the residents' own path, then gives them their answers. */
async function insertWishes(db: Db, project: Awaited<ReturnType<typeof insertProject>>, wishes: DemoWish[]) {
  const numbers: string[] = [];
  for (const [i, w] of wishes.entries()) {
    const filed = await fileWish(
      db,
      { ...project.row, project: { ...project.row.project, status: 'consulting' } },
      {
        kind: w.kind,
        description: w.description,
        location: w.location ?? null,
        item: w.about === undefined ? null : project.itemIds[w.about]!,
        phone: `1390000${String(600 + numbers.length + i).padStart(4, '0')}`,
        consent: true,
        photos: [],
        photosPublic: false,
      },
      { now: w.filedAt, channel: 'walk_in' },
    );
    numbers.push(filed.number);
    const [wish] = await db.select().from(renovationWishes).where(eq(renovationWishes.number, filed.number));
    if (w.meToo) await db.update(renovationWishes).set({ meToo: w.meToo }).where(eq(renovationWishes.id, wish!.id));
    for (const a of w.answers ?? []) {
      const answer = {
        outcome: a.outcome,
        note: a.note,
        itemId: a.item === undefined ? null : project.itemIds[a.item],
      };
      await db.batch(answerStatements(db, wish!.id, answer, { staffId: null, now: a.at, kind: 'answered' }));
    }
  }
  return numbers;
}

/** A joint meeting and its event, in the project's community and compound. */
async function insertMeeting(
  db: Db,
  row: Awaited<ReturnType<typeof insertProject>>['row'],
  m: { title: string; type: 'four_party' | 'renovation'; startsAt: number; venue: string; description: string },
  extra: Partial<typeof events.$inferInsert>,
  minutes: { text: string } | null,
) {
  const p = row.project;
  const [event] = await db
    .insert(events)
    .values({
      title: m.title,
      kind: 'joint_meeting',
      subdistrictId: p.subdistrictId,
      communityId: p.communityId,
      compoundId: p.compoundId,
      description: m.description,
      channel: 'onsite',
      venue: m.venue,
      startsAt: m.startsAt,
      endsAt: m.startsAt + 1.5 * HOUR_MS,
      signupOpen: false,
      createdAt: m.startsAt - 3 * 24 * HOUR_MS,
      updatedAt: m.startsAt - 3 * 24 * HOUR_MS,
      ...extra,
    })
    .returning({ id: events.id });
  const [meeting] = await db
    .insert(renovationMeetings)
    .values({
      projectId: p.id,
      eventId: event!.id,
      type: m.type,
      parties: {
        partyBranch: `${row.compound.name}楼院党支部`,
        contractor: demoPartners[0]!.name,
        supervisor: demoPartners[1]!.name,
        representatives: '党员群众代表',
      },
      minutes: minutes?.text ?? null,
      minutesAt: minutes ? m.startsAt + 2 * HOUR_MS : null,
      createdAt: m.startsAt - 3 * 24 * HOUR_MS,
      updatedAt: m.startsAt - 3 * 24 * HOUR_MS,
    })
    .returning({ id: renovationMeetings.id });
  return meeting!.id;
}

/**
 * The renovation demo: 人和路6号院's completed project as the newspaper page reports it (its
 * plan items, the wishes that came true, the objection settled at a four-party meeting, and the
 * report as its story), and an invented consultation in 铁道洁云里小区 with open wishes and a
 * joint meeting next week. Loads nothing if a project exists already.
 */
export async function loadDemoRenovation(db: Db, now: number): Promise<void> {
  const [existing] = await db.select({ n: count() }).from(renovationProjects);
  if (existing!.n > 0) return;
  await db.insert(partners).values(demoPartners).onConflictDoNothing();

  const r = await insertProject(
    db,
    { ...renhe, demo: false },
    { ledBy: renhe.ledBy, workingGroup: renhe.workingGroup },
    renhe.items,
    at('2021-08-10T09:00:00'),
  );
  await insertWishes(db, r, renhe.wishes);
  const [objection] = await insertWishes(db, r, [renhe.objection]);
  const [wish] = await db.select().from(renovationWishes).where(eq(renovationWishes.number, objection!));
  const meetingId = await insertMeeting(
    db,
    r.row,
    {
      title: renhe.meeting.title,
      type: 'four_party',
      startsAt: renhe.meeting.startsAt,
      venue: '人和路6号院党员活动室',
      description: '楼院党支部、施工方、监理方、党员群众代表四方联席会：居民对路面拓宽砍树的异议。',
    },
    { status: 'completed', summary: renhe.meeting.minutes, attendance: 18, version: 2 },
    { text: renhe.meeting.minutes },
  );
  const d = renhe.meeting.decision;
  const decidedAt = renhe.meeting.startsAt + 2 * HOUR_MS;
  await db.insert(renovationAgendaItems).values({
    meetingId,
    wishId: wish!.id,
    position: 0,
    decision: d.decision,
    decisionNote: d.note,
    decisionItemId: r.itemIds[d.item]!,
  });
  const itemId = r.itemIds[d.item]!;
  const onAgenda = { outcome: 'on_agenda' as const, meetingId };
  const decided = { outcome: 'in_plan' as const, note: d.note, itemId, meetingId };
  const cameTrue = { outcome: 'came_true' as const, note: d.note, itemId };
  for (const [answer, when, kind] of [
    [onAgenda, renhe.meeting.startsAt - 2 * 24 * HOUR_MS, 'agenda'],
    [decided, decidedAt, 'decision'],
    [cameTrue, renhe.meeting.cameTrueAt, 'answered'],
  ] as const) {
    await db.batch(answerStatements(db, wish!.id, answer, { staffId: null, now: when, kind }));
  }
  const [story] = await db.select({ id: articles.id }).from(articles).where(eq(articles.headline, renhe.story));
  if (story) await db.insert(renovationProjectArticles).values({ projectId: r.row.project.id, articleId: story.id });

  const j = jieyunli(now);
  const live = await insertProject(
    db,
    { ...j, status: 'consulting', demo: true },
    {
      ledBy: 'community',
      workingGroup: [{ name: '（演示）洁云路社区改造工作组', role: '征集意见，组织旧改联席会' }],
      consultationStartsOn: new Date(now - 7 * 24 * HOUR_MS + 8 * HOUR_MS).toISOString().slice(0, 10),
    },
    j.items,
    now - 7 * 24 * HOUR_MS,
  );
  const numbers = await insertWishes(db, live, j.wishes);
  const next = await insertMeeting(
    db,
    live.row,
    {
      title: '（演示）旧改联席会：铁道洁云里小区充电棚选址',
      type: 'renovation',
      startsAt: j.meeting.startsAt,
      venue: j.meeting.venue,
      description: '演示数据：议定充电棚选址的异议和广场座椅的小心愿。欢迎居民代表报名参加。',
    },
    { signupOpen: true, capacity: 30, createdAt: now, updatedAt: now },
    null,
  );
  // The objection and the wish about the charging shed are on its agenda.
  for (const [position, number] of [numbers[2]!, numbers[1]!].entries()) {
    const [w] = await db.select().from(renovationWishes).where(eq(renovationWishes.number, number));
    await db.insert(renovationAgendaItems).values({ meetingId: next, wishId: w!.id, position });
    await db.batch(
      answerStatements(
        db,
        w!.id,
        { outcome: 'on_agenda', meetingId: next },
        { staffId: null, now: now - HOUR_MS, kind: 'agenda' },
      ),
    );
  }
}
