import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { photos, renovationWishes } from '../../schema/index.ts';
import { runHousekeeping } from '../desk/housekeeping.ts';
import { HOUR_MS, plainJpeg, START, upload } from '../desk/test-helpers.ts';
import { DAY_MS } from '../lib/time.ts';
import { WISH_RETENTION_DAYS } from './input.ts';
import { JIEYUNLI, type RenovationApp, renovationApp } from './test-helpers.ts';

let r: RenovationApp;
beforeAll(async () => {
  r = await renovationApp();
});
afterAll(() => r.t.cleanup());

const housekeeping = (now: number) => runHousekeeping(r.t.db, r.t.platform.photos, now);
const uploadedKey = async () => (await (await upload(r.t.api, plainJpeg)).json()).key;
const stored = async (key: string) => ({
  inStore: (await r.t.platform.photos.get(key)) !== null,
  rows: (await r.t.db.select().from(photos).where(eq(photos.key, key))).length,
});
const row = async (number: string) =>
  (await r.t.db.select().from(renovationWishes).where(eq(renovationWishes.number, number)))[0]!;

describe('housekeeping of renovation', () => {
  it('forgets name, phone and photos a year after a final answer, and keeps open wishes whole', async () => {
    const key = await uploadedKey();
    const done = await r.wishOk({ photos: [key], name: '周大爷', phone: '13300000003' });
    const open = await r.wishOk({ name: '吴阿姨', phone: '13300000004' });
    await r.staffOk('jieyunlu', 'POST', `/wishes/${done.number}/answer`, {
      version: 1,
      outcome: 'not_possible',
      note: '地下有管线，不能建。',
    });
    // The demo's Renhe Road wishes were answered in 2021: their details go at the first run.
    expect((await housekeeping(START + (WISH_RETENTION_DAYS - 1) * DAY_MS)).wishesAnonymised).toBe(4);
    expect(await row(done.number)).toMatchObject({ phone: '13300000003', name: '周大爷' });

    const result = await housekeeping(START + WISH_RETENTION_DAYS * DAY_MS + HOUR_MS);
    expect(result.wishesAnonymised).toBe(1);
    expect(await row(done.number)).toMatchObject({ phone: '', name: null, outcome: 'not_possible' });
    expect(await stored(key)).toEqual({ inStore: false, rows: 0 });
    expect(await row(open.number)).toMatchObject({ phone: '13300000004', name: '吴阿姨' });
    // The answer stays public; the resident's page says the details are gone.
    r.clock = START + WISH_RETENTION_DAYS * DAY_MS + 2 * HOUR_MS;
    expect(await (await r.trackWish(done.number, done.token)).json()).toMatchObject({
      phone: '',
      name: null,
      photoCount: 0,
      answer: { outcome: 'not_possible' },
    });
    r.clock = START;
  });

  it('keeps the photos staff put on plan items, and removes other unclaimed uploads after a day', async () => {
    const onItem = await uploadedKey();
    const forgotten = await uploadedKey();
    await r.staffOk('jieyunlu', 'POST', `/projects/${JIEYUNLI}/items`, { title: '垃圾分类亭', beforePhoto: onItem });
    await housekeeping(START + 2 * DAY_MS);
    expect(await stored(onItem)).toEqual({ inStore: true, rows: 1 });
    expect(await stored(forgotten)).toEqual({ inStore: false, rows: 0 });
  });
});
