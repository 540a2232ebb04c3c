import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { photos, tickets } from '../../schema/index.ts';
import { DAY_MS } from '../lib/time.ts';
import { RETENTION_DAYS } from './file-ticket.ts';
import { runHousekeeping } from './housekeeping.ts';
import { AUTO_CLOSE_DAYS } from './lifecycle.ts';
import { type DeskApp, deskApp, HOUR_MS, plainJpeg, START, upload } from './test-helpers.ts';

let d: DeskApp;
beforeAll(async () => {
  d = await deskApp();
});
afterAll(() => d.t.cleanup());

const housekeeping = (now: number) => runHousekeeping(d.t.db, d.t.platform.photos, now);
const uploadedKey = async () => (await (await upload(d.t.api, plainJpeg)).json()).key;
const stored = async (key: string) => ({
  inStore: (await d.t.platform.photos.get(key)) !== null,
  rows: (await d.t.db.select().from(photos).where(eq(photos.key, key))).length,
});
const statusOf = async (number: string) =>
  (await d.t.db.select({ status: tickets.status }).from(tickets).where(eq(tickets.number, number)))[0]!.status;

async function resolvedAt(at: number) {
  d.clock = at;
  const filed = await d.fileOk();
  await d.actOk('yongan-wuye', filed.number, { action: 'accept' });
  await d.actOk('yongan-wuye', filed.number, { action: 'resolve', note: '修好了' });
  return filed;
}

describe('the hourly housekeeping', () => {
  it('closes tickets resolved more than 7 days ago, as the system, with a public entry', async () => {
    const old = await resolvedAt(START);
    const recent = await resolvedAt(START + 2 * DAY_MS);
    const now = START + AUTO_CLOSE_DAYS * DAY_MS + HOUR_MS;
    const result = await housekeeping(now);
    // Ours, the demo's home visit in Gongren Road (resolved 10 days before START) and the demo's
    // three tickets waiting for their follow-up call (resolved the working day before START).
    expect(result.closed).toBe(5);
    expect(await statusOf('GR-20261114-0001')).toBe('closed');
    expect(await statusOf(recent.number)).toBe('resolved');

    d.clock = now;
    const view = await d.view(old.number);
    expect(view).toMatchObject({ status: 'closed', closedAt: now });
    expect(view.timeline.at(-1)).toMatchObject({
      kind: 'closed',
      visibility: 'public',
      actor: 'system',
      fromStatus: 'resolved',
      toStatus: 'closed',
    });
    const tracked = await (await d.track(old.number, old.token)).json();
    expect(tracked).toMatchObject({ status: 'closed', canReopen: true });
    expect(tracked.timeline.at(-1)).toMatchObject({ kind: 'closed' });

    expect((await housekeeping(now + HOUR_MS)).closed).toBe(0);
    expect((await d.entries(old.number)).filter((e) => e.kind === 'closed')).toHaveLength(1);
    // A resident who is not satisfied can still reopen within the 14 days.
    expect((await d.t.post(`/api/tickets/${old.number}/reopen`, { token: old.token, reason: '又漏水了' })).status).toBe(
      200,
    );
  });

  it('bumps the version, so a staff member holding the old one cannot act on the closed ticket', async () => {
    const filed = await resolvedAt(START + 30 * DAY_MS);
    const before = await d.view(filed.number);
    await housekeeping(START + 30 * DAY_MS + AUTO_CLOSE_DAYS * DAY_MS + 1);
    const after = await d.view(filed.number);
    expect(after.status).toBe('closed');
    expect(after.version).toBe(before.version + 1);
    const stale = await d.act('yongan-wuye', filed.number, {
      action: 'resolve',
      note: '再修',
      version: before.version,
    });
    expect(stale.status).toBe(409);
    // A note needs no version: staff can still record a follow-up call.
    expect(
      (await d.act('yongan-wuye', filed.number, { action: 'note', visibility: 'public', body: '回访' })).status,
    ).toBe(200);
    expect((await d.act('yongan-wuye', filed.number, { action: 'start' })).status).toBe(409);
  });

  it('removes uploads nobody claimed within a day, from the store and the database', async () => {
    d.clock = START + 100 * DAY_MS;
    const forgotten = await uploadedKey();
    const claimed = await uploadedKey();
    await d.fileOk({ photos: [claimed] });
    d.clock += 20 * HOUR_MS;
    const fresh = await uploadedKey();
    const result = await housekeeping(START + 101 * DAY_MS + HOUR_MS);
    expect(result.photosRemoved).toBe(1);
    expect(await stored(forgotten)).toEqual({ inStore: false, rows: 0 });
    expect(await stored(claimed)).toEqual({ inStore: true, rows: 1 });
    expect(await stored(fresh)).toEqual({ inStore: true, rows: 1 });
    // The resident who comes back later is told the photo is gone, not given a broken ticket.
    const late = await d.file({ photos: [forgotten] });
    expect(late.status).toBe(400);
  });

  it('keeps an upload that a news article shows, draft or published, past the day', async () => {
    d.clock = START + 150 * DAY_MS;
    const lead = await uploadedKey();
    const inBody = await uploadedKey();
    const article = {
      headline: '洁云里广场新添健身器材',
      place: 'jieyunlu',
      body: `本报讯 近日，广场新添了一组健身器材。\n\n![器材](/photos/${inBody})`,
      credits: [{ name: '魏红敏', role: 'correspondent' as const, contribution: 'both' as const }],
      leadPhoto: { key: lead, caption: '新器材' },
    };
    const res = await d.t.api.newsroom.articles.$post({ json: article }, await d.as('jieyunlu'));
    expect(res.status).toBe(201);
    const forgotten = await uploadedKey();
    await housekeeping(START + 152 * DAY_MS);
    expect(await stored(lead)).toEqual({ inStore: true, rows: 1 });
    expect(await stored(inBody)).toEqual({ inStore: true, rows: 1 });
    expect(await stored(forgotten)).toEqual({ inStore: false, rows: 0 });
  });

  it('forgets name, phone and photos a year after a ticket ended, but keeps open tickets whole', async () => {
    d.clock = START + 200 * DAY_MS;
    const key = await uploadedKey();
    const ended = await d.fileOk({ photos: [key], name: '赵大爷', phone: '13700000007' });
    await d.actOk('yongan-wuye', ended.number, { action: 'reject', reason: '重复' });
    const open = await d.fileOk({ name: '钱阿姨', phone: '13600000006' });
    const result = await housekeeping(START + (200 + RETENTION_DAYS) * DAY_MS + HOUR_MS);
    expect(result.anonymised).toBeGreaterThanOrEqual(1);
    const [row] = await d.t.db.select().from(tickets).where(eq(tickets.number, ended.number));
    expect(row).toMatchObject({ phone: '', name: null, status: 'rejected' });
    expect(await stored(key)).toEqual({ inStore: false, rows: 0 });
    const [kept] = await d.t.db.select().from(tickets).where(eq(tickets.number, open.number));
    expect(kept).toMatchObject({ phone: '13600000006', name: '钱阿姨' });
    d.clock = START + (200 + RETENTION_DAYS) * DAY_MS + 2 * HOUR_MS;
    expect(await (await d.track(ended.number, ended.token)).json()).toMatchObject({
      phone: '',
      name: null,
      photoCount: 0,
    });
  });

  it('keeps idempotency keys for a week (a phone may resend an offline post days later), then forgets them', async () => {
    d.clock = START + 700 * DAY_MS;
    const key = { 'Idempotency-Key': 'housekeeping-key-0001' };
    const first = await (await d.file({}, key)).json();
    expect((await (await d.file({}, key)).json()).number).toBe(first.number);
    d.clock += 6 * DAY_MS;
    await housekeeping(d.clock);
    expect((await (await d.file({}, key)).json()).number).toBe(first.number);
    d.clock += DAY_MS + HOUR_MS;
    await housekeeping(d.clock);
    const again = await d.file({}, key);
    expect(again.status).toBe(201);
    expect((await again.json()).number).not.toBe(first.number);
  });
});
