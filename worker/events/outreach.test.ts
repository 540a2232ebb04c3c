import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditLog, communities, eventSignups, events } from '../../schema/index.ts';
import { START } from '../desk/test-helpers.ts';
import { csvTable } from '../lib/exports-test-helpers.ts';
import { HOUR_MS } from '../lib/time.ts';
import { errorOf, testApp } from '../test-helpers.ts';

let t: Awaited<ReturnType<typeof testApp>>;
const tokens = new Map<string, string>();
const as = async (login: string) => {
  if (!tokens.has(login)) tokens.set(login, await t.signIn(login));
  return { headers: t.bearer(tokens.get(login)!) };
};

type Query = {
  community?: string;
  subdistrict?: string;
  district?: '1';
  from?: string;
  to?: string;
  format?: 'csv' | 'json';
};
const outreach = async (login: string, query: Query) =>
  query.format
    ? t.api.events.outreach.export.$get({ query: { ...query, format: query.format } }, await as(login))
    : t.api.events.outreach.$get({ query }, await as(login));
async function figures(login: string, query: Query) {
  const res = await outreach(login, query);
  if (res.status !== 200) throw new Error(`outreach: ${res.status} ${await res.text()}`);
  const body = (await res.json()) as { channels: { channel: string }[] };
  return Object.fromEntries(body.channels.map((c) => [c.channel, c])) as unknown as Record<
    string,
    Record<string, number>
  >;
}

/** A fixture event in Yong'an (Jianzhong Street), `daysAgo` before the tests' start. */
async function yonganEvent(
  channel: 'onsite' | 'online',
  daysAgo: number,
  extra: Partial<typeof events.$inferInsert> = {},
) {
  const [c] = await t.db.select().from(communities).where(eq(communities.slug, 'yongan'));
  const startsAt = START - daysAgo * 24 * HOUR_MS;
  const [row] = await t.db
    .insert(events)
    .values({
      title: '测试宣讲',
      kind: 'outreach',
      subdistrictId: c!.subdistrictId,
      communityId: c!.id,
      channel,
      venue: '永安社区党群服务中心',
      startsAt,
      endsAt: startsAt + 2 * HOUR_MS,
      createdAt: START,
      updatedAt: START,
      ...extra,
    })
    .returning({ id: events.id });
  return row!.id;
}

beforeAll(async () => {
  t = await testApp({ now: () => START });
  // Held, no summary yet: its attendance is the seats checked in at the door.
  const held = await yonganEvent('onsite', 3);
  const signup = { tokenHash: 'x', name: '李大爷', phone: '13900000001', createdAt: START, updatedAt: START };
  await t.db.insert(eventSignups).values([
    { ...signup, eventId: held, seats: 2, status: 'confirmed', checkedInAt: START - 3 * 24 * HOUR_MS },
    { ...signup, eventId: held, seats: 1, status: 'confirmed' },
    { ...signup, eventId: held, seats: 4, status: 'cancelled' },
  ]);
  await yonganEvent('online', 5, { status: 'completed', summary: '线上', attendance: 50, groups: 4 });
  // Neither counts: one was cancelled, the other has not started.
  await yonganEvent('onsite', 4, { status: 'cancelled', cancelReason: '下雨' });
  await yonganEvent('onsite', -2);
});

describe('outreach by channel', () => {
  it("gives the demo's Mifengzhang figures as the page reports them", async () => {
    const f = await figures('erqi-admin', { subdistrict: 'mifengzhang' });
    expect(f.onsite).toMatchObject({ sessions: 5, hours: 7.5, attendance: 250 });
    expect(f.loudspeaker).toMatchObject({ sessions: 8, venues: 6 });
    expect(f.online).toMatchObject({ sessions: 21, groups: 31 });
    expect(f.online!.hours).toBeGreaterThan(60);
  });

  it('counts held sessions only (not cancelled, already started), with the door count when no summary says', async () => {
    const f = await figures('yongan', { community: 'yongan' });
    expect(f.onsite).toMatchObject({ sessions: 1, hours: 2, attendance: 2, checkedIn: 2, signups: 3, venues: 1 });
    expect(f.online).toMatchObject({ sessions: 1, hours: 2, attendance: 50, groups: 4 });
    expect(f.loudspeaker).toMatchObject({ sessions: 0, hours: 0, attendance: 0 });
  });

  it('takes the sites and groups an organiser records in the summary', async () => {
    const id = await yonganEvent('online', 1);
    const res = await t.api.organiser.events[':id'].summary.$post(
      {
        param: { id: String(id) },
        json: { version: 1, summary: '在9个楼栋群里语音宣讲。', attendance: 80, groups: 9 },
      },
      await as('yongan'),
    );
    expect(res.status).toBe(200);
    const bad = await t.api.organiser.events[':id'].summary.$post(
      { param: { id: String(id) }, json: { version: 2, summary: '改一下', groups: -1 } },
      await as('yongan'),
    );
    expect(Object.keys((await errorOf(bad)).error.fields ?? {})).toEqual(['groups']);
    const f = await figures('yongan', { community: 'yongan' });
    expect(f.online).toMatchObject({ sessions: 2, attendance: 130, groups: 9 });
    await t.db.delete(events).where(eq(events.id, id));
  });

  it('keeps to the place and the period', async () => {
    expect((await figures('jianzhongjie', { subdistrict: 'jianzhongjie' })).onsite!.sessions).toBe(1);
    expect((await figures('erqi-admin', { subdistrict: 'jianzhongjie', from: '2026-11-25' })).online!.sessions).toBe(0);
    const district = await figures('erqi-admin', { district: '1' });
    expect(district.online!.sessions).toBe(22);
    // Outside one's place: the 404 that hides it; a role without figures: 403.
    const other = await outreach('jianzhongjie', { subdistrict: 'mifengzhang' });
    expect(other.status).toBe(404);
    expect((await errorOf(other)).error.code).toBe('subdistrict_not_found');
    expect((await outreach('yongan', { subdistrict: 'jianzhongjie' })).status).toBe(404);
    expect((await outreach('yongan-wuye', { community: 'yongan' })).status).toBe(403);
    expect((await outreach('yongan', {})).status).toBe(400);
  });

  it('exports as CSV and JSON like the other figures, each download audited', async () => {
    const entries = async () =>
      (await t.db.select().from(auditLog).where(eq(auditLog.action, 'outreach.export'))).length;
    const before = await entries();
    await figures('erqi-admin', { subdistrict: 'mifengzhang' });
    expect(await entries()).toBe(before);
    const res = await outreach('erqi-admin', { subdistrict: 'mifengzhang', format: 'csv' });
    expect(res.headers.get('content-disposition')).toContain('linli-outreach-mifengzhang-');
    const { head, rows } = csvTable(new Uint8Array(await res.arrayBuffer()));
    expect(head.slice(0, 3)).toEqual(['渠道', '场次', '时长（小时）']);
    expect(rows.map((r) => r.渠道)).toEqual(['在现场', '大喇叭', '线上']);
    expect(rows[2]!.覆盖群数).toBe('31');
    const json = await outreach('erqi-admin', { subdistrict: 'mifengzhang', format: 'json' });
    expect(((await json.json()) as { rows: unknown[] }).rows).toHaveLength(3);
    expect(await entries()).toBe(before + 2);
  });
});
