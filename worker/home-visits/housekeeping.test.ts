import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { homeVisits } from '../../schema/index.ts';
import { runHousekeeping } from '../desk/housekeeping.ts';
import { HOUR_MS } from '../desk/test-helpers.ts';
import { DAY_MS } from '../lib/time.ts';
import { AUTO_CLOSE_DAYS, RETENTION_DAYS } from './input.ts';
import { type VisitApp, visitApp } from './test-helpers.ts';

let d: VisitApp;
beforeAll(async () => {
  d = await visitApp();
});
afterAll(() => d.t.cleanup());

const housekeeping = (now: number) => runHousekeeping(d.t.db, d.t.platform.photos, now);

describe('the hourly housekeeping of home visits', () => {
  it(`closes visits done ${AUTO_CLOSE_DAYS} days ago that nobody confirmed, as the system, still open to a rating`, async () => {
    const { number, token } = await d.walk('visited');
    const recent = await d.walk('visited');
    const done = (await d.stored(number)).visitedAt!;
    await d.t.db
      .update(homeVisits)
      .set({ visitedAt: done + 2 * DAY_MS })
      .where(eq(homeVisits.number, recent.number));
    const result = await housekeeping(done + AUTO_CLOSE_DAYS * DAY_MS + HOUR_MS);
    expect(result.homeVisits.closed).toBe(1);
    expect((await d.stored(number)).status).toBe('closed');
    expect((await d.stored(recent.number)).status).toBe('visited');
    const view = await d.tracked(number, token);
    expect(view.timeline.at(-1)).toMatchObject({ kind: 'closed', actor: 'system', fromStatus: 'visited' });
    expect(view.canRate).toBe(true);
    expect((await housekeeping(done + AUTO_CLOSE_DAYS * DAY_MS + 2 * HOUR_MS)).homeVisits.closed).toBe(0);
  });

  it(`removes the personal details ${RETENTION_DAYS} days after a visit is over, and keeps open ones whole`, async () => {
    const start = d.clock;
    try {
      const over = await d.walk('confirmed');
      await d.resident(over.number, 'info', { token: over.token, message: '谢谢' }); // too late: no longer open
      const rejected = await d.walk('requested');
      await d.actOk('gongrenlu', rejected.number, { action: 'ask_info', message: '请补充' });
      await d.resident(rejected.number, 'info', { token: rejected.token, message: '我爷爷住5号楼302' });
      await d.actOk('gongrenlu', rejected.number, { action: 'reject', reason: '不符合' });
      const open = await d.walk('sent');
      expect((await housekeeping(start + (RETENTION_DAYS - 1) * DAY_MS)).homeVisits.anonymised).toBe(0);
      const result = await housekeeping(start + RETENTION_DAYS * DAY_MS + HOUR_MS);
      expect(result.homeVisits.anonymised).toBeGreaterThanOrEqual(2);
      for (const n of [over.number, rejected.number]) {
        expect(await d.stored(n)).toMatchObject({
          personName: '',
          requesterName: null,
          building: '',
          unit: '',
          room: '',
          phone: '',
          reasonNote: null,
          preferredTimes: '',
          visitCode: null,
        });
      }
      d.clock = start + RETENTION_DAYS * DAY_MS + 2 * HOUR_MS;
      const tracked = await d.tracked(rejected.number, rejected.token);
      expect(JSON.stringify(tracked)).not.toContain('302');
      expect(tracked).toMatchObject({ status: 'rejected', phone: '', forWhom: { name: '' } });
      expect(await d.stored(open.number)).toMatchObject({ phone: '13900000009', room: '302', personName: '王建国' });
      expect((await housekeeping(d.clock + HOUR_MS)).homeVisits.anonymised).toBe(0);
    } finally {
      d.clock = start;
    }
  });

  it("has already removed the details of the page's 2021 case from the demo", async () => {
    expect(await d.stored('GR-H20211124-0001')).toMatchObject({
      status: 'confirmed',
      phone: '',
      room: '',
      personName: '',
      addressAs: '贺先生',
      rating: 5,
      visitedAt: Date.parse('2021-11-29T10:40:00+08:00'),
    });
  });
});
