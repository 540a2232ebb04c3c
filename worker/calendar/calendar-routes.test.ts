import { afterAll, describe, expect, it } from 'vitest';
import { errorOf, testApp } from '../test-helpers.ts';
import { workCalendar } from './calendar.ts';

const t = await testApp();
afterAll(() => t.cleanup());

const put = (year: number | string, body: unknown, token: string) =>
  t.app.request(`/api/calendar/${year}`, {
    method: 'PUT',
    body: JSON.stringify(body),
    headers: { 'Content-Type': 'application/json', Origin: t.origin, ...t.bearer(token) },
  });

describe('the working calendar API', () => {
  it('lists the shipped years to any staff member, 2027 marked provisional', async () => {
    const token = await t.signIn('yongan');
    const res = await t.app.request('/api/calendar', { headers: t.bearer(token) });
    expect(res.status).toBe(200);
    const { years } = (await res.json()) as { years: { year: number; status: string; days: { day: string }[] }[] };
    expect(years.map((y) => [y.year, y.status])).toEqual([
      [2025, 'published'],
      [2026, 'published'],
      [2027, 'provisional'],
    ]);
    expect(years[1]!.days.find((d) => d.day === '2026-02-14')).toMatchObject({ kind: 'workday', name: '春节' });
    expect((await t.app.request('/api/calendar')).status).toBe(401);
  });

  it('lets only the district admin replace a year, and the clocks use it at once', async () => {
    const body = {
      status: 'published',
      source: '国务院办公厅关于2027年部分节假日安排的通知',
      days: [
        { day: '2027-01-01', kind: 'holiday', name: '元旦' },
        { day: '2027-02-20', kind: 'workday', name: '春节' },
      ],
    };
    expect((await put(2027, body, await t.signIn('yongan'))).status).toBe(403);
    const admin = await t.signIn('erqi-admin');
    const before = await workCalendar(t.db, t.platform.now());
    expect(before.isWorkingDay('2027-02-20')).toBe(false);
    const res = await put(2027, body, admin);
    expect(res.status).toBe(200);
    const after = await workCalendar(t.db, t.platform.now());
    expect(after.isWorkingDay('2027-02-20')).toBe(true);
    expect(after.isWorkingDay('2027-02-08')).toBe(true);
    expect(after.isWorkingDay('2026-02-14')).toBe(true);
  });

  it('names the field at fault', async () => {
    const admin = await t.signIn('erqi-admin');
    const bad = await put(
      2028,
      { status: 'published', source: 'x y', days: [{ day: '2027-05-01', kind: 'holiday', name: '劳动节' }] },
      admin,
    );
    expect(bad.status).toBe(400);
    expect((await errorOf(bad)).error.fields).toHaveProperty(['days.0.day']);
    const twice = await put(
      2028,
      {
        status: 'published',
        source: 'x y',
        days: [
          { day: '2028-05-01', kind: 'holiday', name: '劳动节' },
          { day: '2028-05-01', kind: 'workday', name: '劳动节' },
        ],
      },
      admin,
    );
    expect((await errorOf(twice)).error.fields).toHaveProperty(['days.1.day']);
    const wrongKind = await put(2028, { status: 'maybe', source: '', days: [{ day: '2028-02-30' }] }, admin);
    expect(Object.keys((await errorOf(wrongKind)).error.fields ?? {})).toEqual(
      expect.arrayContaining(['status', 'source', 'days.0.day']),
    );
    expect((await put(1999, { status: 'published', source: 'x y', days: [] }, admin)).status).toBe(400);
  });
});
