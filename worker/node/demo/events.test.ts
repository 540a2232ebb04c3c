import { asc, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { articles, eventSignups, events } from '../../../schema/index.ts';
import { freshDatabase } from '../test-database.ts';
import { loadDemoEvents, shanghaiTime } from './events.ts';

// 01:00 on the 27th in Zhengzhou, still the 26th in UTC: days are counted in Zhengzhou.
const now = Date.UTC(2026, 10, 26, 17);
let t: Awaited<ReturnType<typeof freshDatabase>>;
beforeAll(async () => {
  t = await freshDatabase({ demo: true, now });
});
afterAll(() => t.cleanup());

describe('the demo events', () => {
  it('schedules from the day the database is made, so something is always upcoming', async () => {
    const rows = await t.db.select().from(events).orderBy(asc(events.startsAt));
    const upcoming = rows.filter((r) => r.status === 'scheduled');
    expect(upcoming.length).toBeGreaterThanOrEqual(10);
    expect(upcoming.every((r) => r.startsAt > now && r.endsAt > r.startsAt)).toBe(true);
    // Joint meetings come with the renovation demo (one of them held in 2021); Mifengzhang's past
    // outreach is counted below.
    const past = rows.filter((r) => r.status === 'completed' && r.kind !== 'joint_meeting' && r.kind !== 'outreach');
    expect(past).toHaveLength(1);
    expect(past[0]).toMatchObject({
      title: '小板凳课堂',
      speaker: '黄新生',
      attendance: 28,
      summary: expect.stringContaining('小板凳'),
    });
    expect(past[0]!.startsAt).toBeLessThan(now);
    // Linked to the newspaper's report when the news demo is there.
    const [report] = await t.db
      .select({ id: articles.id })
      .from(articles)
      .where(eq(articles.headline, '小板凳大课堂 小区院里传党音'));
    expect(past[0]!.articleId).toBe(report?.id ?? null);
  });

  it('makes the Small-Stool Class a weekly series of 30 stools in the square of Tiedao Jieyunli', async () => {
    const stool = await t.db.select().from(events).where(eq(events.title, '小板凳课堂')).orderBy(asc(events.startsAt));
    const series = stool.filter((s) => s.seriesId !== null);
    expect(series.length).toBeGreaterThanOrEqual(4);
    expect(series.every((s) => s.capacity === 30 && s.speaker === '黄新生')).toBe(true);
    expect(series.slice(1).map((s, i) => s.startsAt - series[i]!.startsAt)).toEqual(
      Array(series.length - 1).fill(7 * 24 * 3600 * 1000),
    );
    expect(series[0]!.venue).toBe('铁道洁云里小区广场');
    // 09:30 in Zhengzhou two days after the 27th.
    expect(series[0]!.startsAt).toBe(shanghaiTime(now, 2, '09:30'));
    expect(new Date(series[0]!.startsAt).toISOString()).toBe('2026-11-29T01:30:00.000Z');
  });

  it('has the three Mifengzhang channels and the Renhe Road joint meeting', async () => {
    const rows = await t.db.select().from(events);
    expect(
      rows
        .filter((r) => r.kind === 'outreach' && r.status === 'scheduled')
        .map((r) => r.channel)
        .sort(),
    ).toEqual(['loudspeaker', 'online', 'onsite']);
    expect(rows.find((r) => r.kind === 'joint_meeting')).toMatchObject({
      venue: '人和路6号院党员活动室',
      title: expect.stringContaining('四方联席会'),
    });
  });

  it("has Mifengzhang's past outreach as the page reports it: 5 on the ground, 6 loudspeaker sites, 60+ hours online in 31 groups", async () => {
    const held = (await t.db.select().from(events)).filter((r) => r.kind === 'outreach' && r.status === 'completed');
    const of = (channel: string) => held.filter((r) => r.channel === channel);
    expect(of('onsite')).toHaveLength(5);
    expect(of('loudspeaker').every((r) => r.venues === 6)).toBe(true);
    expect(of('online').every((r) => r.groups === 31)).toBe(true);
    const hours = of('online').reduce((h, r) => h + (r.endsAt - r.startsAt) / 3_600_000, 0);
    expect(hours).toBeGreaterThan(60);
    expect(held.every((r) => r.startsAt < now && r.startsAt > now - 30 * 86_400_000 && r.summary)).toBe(true);
  });

  it('loads nothing twice', async () => {
    const before = (await t.db.select({ n: count() }).from(events))[0]!.n;
    const signups = (await t.db.select({ n: count() }).from(eventSignups))[0]!.n;
    await loadDemoEvents(t.db, now + 86_400_000);
    expect((await t.db.select({ n: count() }).from(events))[0]!.n).toBe(before);
    expect((await t.db.select({ n: count() }).from(eventSignups))[0]!.n).toBe(signups);
  });
});
