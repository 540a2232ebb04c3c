import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, helpEntries, helpHouseholds } from '../../schema/index.ts';
import { runHousekeeping } from '../desk/housekeeping.ts';
import { type DeskApp, deskApp, START } from '../desk/test-helpers.ts';
import { DAY_MS, zhengzhouDay } from '../lib/time.ts';
import { HELP_RETENTION_DAYS } from './input.ts';

let d: DeskApp;
beforeAll(async () => {
  d = await deskApp();
});
afterAll(() => d.t.cleanup());

async function call(login: string | null, method: string, path: string, body?: unknown) {
  return d.t.app.request(`/api/help${path}`, {
    method,
    headers: {
      ...(login ? await d.headers(login) : {}),
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}
const reads = async () =>
  (await d.t.db.select({ n: count() }).from(auditLog).where(eq(auditLog.action, 'help.read')))[0]!.n;
const demoHousehold = async () => (await d.t.db.select().from(helpHouseholds))[0]!;
const LABEL = '（演示）3号楼独居老人';

describe('neighbourly help (邻里帮扶): the community’s own staff only', () => {
  it('lists the community’s households, and records the reading in the audit log', async () => {
    const before = await reads();
    const res = await call('jieyunlu', 'GET', '/households');
    expect(res.status).toBe(200);
    expect(res.headers.get('Cache-Control')).toBe('no-store');
    const { households, retentionDays } = await res.json();
    expect(retentionDays).toBe(HELP_RETENTION_DAYS);
    expect(households).toEqual([
      expect.objectContaining({ label: LABEL, phone: '13900000720', entryCount: 2, compound: expect.any(Object) }),
    ]);
    expect(await reads()).toBe(before + 1);
    // Another community's committee sees an empty log of its own, and that reading is recorded too.
    expect((await (await call('yongan', 'GET', '/households')).json()).households).toEqual([]);
    expect(await reads()).toBe(before + 2);
  });

  it('shows a household with its entries to its community only: everyone else gets the same 404', async () => {
    const { id } = await demoHousehold();
    const before = await reads();
    const res = await call('jieyunlu', 'GET', `/households/${id}`);
    expect(res.status).toBe(200);
    const { household } = await res.json();
    expect(household.entries.map((e: { kind: string }) => e.kind)).toEqual(['necessities', 'visit']);
    const [entry] = await d.t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'help.read'), eq(auditLog.objectId, String(id))));
    expect(entry).toMatchObject({ objectType: 'help_household', detail: null });
    for (const login of [
      'yongan',
      'gongrenlu',
      'jianzhongjie',
      'songshanlu',
      'erqi-admin',
      'yongan-wuye',
      'weihongmin',
      'boc-zhongyuan',
      'jieyunli-volunteer',
    ]) {
      for (const [method, path] of [
        ['GET', '/households'],
        ['GET', `/households/${id}`],
        ['POST', `/households/${id}/entries`],
        ['DELETE', `/households/${id}`],
      ] as const) {
        // Other committees list an empty log of their own (above).
        if (['yongan', 'gongrenlu'].includes(login) && path === '/households') continue;
        const r = await call(
          login,
          method,
          path,
          method === 'POST' ? { givenOn: '2026-11-20', kind: 'visit' } : undefined,
        );
        expect([login, method, path, r.status]).toEqual([login, method, path, 404]);
      }
    }
    expect((await call('jieyunlu', 'GET', '/households/999999')).status).toBe(404);
    expect((await call(null, 'GET', '/households')).status).toBe(401);
    // Only the one reading that showed something was recorded.
    expect(await reads()).toBe(before + 1);
  });

  it('validates a household: a label and a phone, never an ID number', async () => {
    const bad = await call('jieyunlu', 'POST', '/households', {
      compound: 'tiedao-jieyunli',
      label: '张三 410102195001011234',
      phone: '12',
      note: 'x'.repeat(501),
    });
    expect(bad.status).toBe(400);
    expect(Object.keys((await bad.json()).error.fields).sort()).toEqual(['label', 'note', 'phone']);
    const elsewhere = await call('yongan', 'POST', '/households', { compound: 'tiedao-jieyunli', label: '5号楼' });
    expect(elsewhere.status).toBe(404);
    const created = await call('jieyunlu', 'POST', '/households', {
      compound: 'tiedao-jieyunli',
      label: '5号楼困难户',
    });
    expect(created.status).toBe(201);
    expect((await created.json()).household).toMatchObject({ label: '5号楼困难户', phone: null, entries: [] });
  });

  it('adds help given on a day no later than today', async () => {
    const { id } = await demoHousehold();
    const today = zhengzhouDay(START);
    const future = await call('jieyunlu', 'POST', `/households/${id}/entries`, {
      givenOn: zhengzhouDay(START + 2 * DAY_MS),
      kind: 'visit',
    });
    expect((await future.json()).error.fields).toHaveProperty('givenOn');
    const kind = await call('jieyunlu', 'POST', `/households/${id}/entries`, { givenOn: today, kind: 'money' });
    expect((await kind.json()).error.fields).toHaveProperty('kind');
    const res = await call('jieyunlu', 'POST', `/households/${id}/entries`, {
      givenOn: today,
      kind: 'necessities',
      note: '送去棉被。',
    });
    expect(res.status).toBe(201);
    const { household } = await res.json();
    expect(household.entries[0]).toMatchObject({
      givenOn: today,
      kind: 'necessities',
      note: '送去棉被。',
      staff: '洁云路社区居委会',
    });
    expect(household.lastGivenOn).toBe(today);
  });

  it('is absent from every public answer: project page, news, search, feeds, board, events', async () => {
    for (const path of [
      '/api/renovation/projects/2',
      '/api/renovation/projects?community=jieyunlu',
      '/api/news?community=jieyunlu',
      `/api/news?district=1&q=${encodeURIComponent('独居老人')}`,
      '/api/board?community=jieyunlu',
      '/api/events?community=jieyunlu',
      '/feeds/news.rss',
      '/feeds/news.json?community=jieyunlu',
      '/feeds/events.ics?community=jieyunlu',
    ]) {
      const res = await d.t.app.request(path);
      expect([path, res.status]).toEqual([path, 200]);
      const text = await res.text();
      expect(text).not.toContain('独居老人');
      expect(text).not.toContain('13900000720');
      expect(text).not.toContain('送去米、面、油');
    }
  });

  it('forgets entries after the retention period, then households left with none', async () => {
    const later = START + (HELP_RETENTION_DAYS + 30) * DAY_MS;
    const { id } = await demoHousehold();
    await d.t.db
      .insert(helpEntries)
      .values({ householdId: id, givenOn: zhengzhouDay(later - DAY_MS), kind: 'visit', createdAt: later - DAY_MS });
    const result = await runHousekeeping(d.t.db, d.t.platform.photos, later);
    expect(result.helpEntries).toBe(3);
    // The demo household keeps its recent entry; the one added without any help goes.
    expect(result.helpHouseholds).toBe(1);
    expect((await d.t.db.select().from(helpHouseholds)).map((h) => h.id)).toEqual([id]);
    const after = await runHousekeeping(d.t.db, d.t.platform.photos, later + (HELP_RETENTION_DAYS + 1) * DAY_MS);
    expect(after).toMatchObject({ helpEntries: 1, helpHouseholds: 1 });
  });
});
