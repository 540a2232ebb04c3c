type Insert = (
  e: {
    title: string;
    kind: 'outreach';
    organiser: { subdistrict: string };
    description: string;
    channel: 'onsite' | 'loudspeaker' | 'online';
    venue: string;
    startsAt: number;
    hours: number;
    signupOpen?: boolean;
    speaker?: string;
  },
  extra: {
    status: 'completed';
    summary: string;
    attendance: number;
    venues?: number;
    groups?: number;
    version: number;
  },
) => Promise<number>;

const onsiteVenues = ['蜜蜂张街道新时代文明实践站', '辖区广场', '社区党群服务中心', '辖区广场', '新时代文明实践站'];

/**
 * What Mifengzhang's three-channel outreach (三位一体) has already done in the last four weeks,
 * as the page reports it: 5 sessions on the ground, loudspeakers at 6 testing sites, and over
 * 60 hours of voice lectures in 31 WeChat groups, each with its summary, so the statistics
 * page's outreach table has the page's figures. `at(days, time)` is a Zhengzhou time.
 */
export async function loadDemoOutreach(at: (days: number, time: string) => number, insert: Insert) {
  const base = { kind: 'outreach' as const, organiser: { subdistrict: 'mifengzhang' } };
  const done = { status: 'completed' as const, version: 2 };
  for (const [i, venue] of onsiteVenues.entries())
    await insert(
      {
        ...base,
        title: '全会精神“面对面”宣讲（地面）',
        speaker: '基层理论宣讲员',
        description: '“三位一体”宣讲之地面宣传：面对面宣讲全会精神。',
        channel: 'onsite',
        venue,
        startsAt: at(-26 + i * 5, '15:00'),
        hours: 1.5,
      },
      { ...done, summary: '宣讲员结合身边事讲全会精神，居民现场提问交流。', attendance: 40 + i * 5 },
    );
  for (let i = 0; i < 8; i++)
    await insert(
      {
        ...base,
        title: '小喇叭宣讲（空中）',
        description: '“三位一体”宣讲之空中宣传：党员志愿者在核酸检测点排队处用小喇叭播放全会精神主要内容。',
        channel: 'loudspeaker',
        venue: '辖区6个核酸检测点等候区',
        startsAt: at(-24 + i * 3, '07:30'),
        hours: 2,
        signupOpen: false,
      },
      { ...done, summary: '党员志愿者戴红袖箍、拿小喇叭，在6个核酸检测点循环播放。', attendance: 300, venues: 6 },
    );
  for (let i = 0; i < 21; i++)
    await insert(
      {
        ...base,
        title: '线上语音“书记讲党课”（网络）',
        speaker: '街道党工委书记',
        description: '“三位一体”宣讲之网络宣传：在“一核多元”工作微信群里线上语音讲党课。',
        channel: 'online',
        venue: '“一核多元”工作微信群',
        startsAt: at(-22 + i, '19:30'),
        hours: 3,
      },
      { ...done, summary: '在31个工作微信群同步语音宣讲，群友留言互动。', attendance: 120, groups: 31 },
    );
}
