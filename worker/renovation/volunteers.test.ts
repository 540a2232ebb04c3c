import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renovationWishes } from '../../schema/index.ts';
import { runHousekeeping } from '../desk/housekeeping.ts';
import { plainJpeg, START, upload } from '../desk/test-helpers.ts';
import { DAY_MS } from '../lib/time.ts';
import { demoPassword } from '../node/test-database.ts';
import { JIEYUNLI, RENHE, type RenovationApp, renovationApp } from './test-helpers.ts';

let r: RenovationApp;
beforeAll(async () => {
  r = await renovationApp();
});
afterAll(() => r.t.cleanup());

const VOLUNTEER = 'jieyunli-volunteer';
/** A call as `login` anywhere under /api, with an optional Idempotency-Key. */
async function call(login: string | null, method: string, path: string, body?: unknown, key?: string) {
  return r.t.app.request(`/api${path}`, {
    method,
    headers: {
      ...(login ? await r.headers(login) : {}),
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      ...(key ? { 'Idempotency-Key': key } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}
const neighbourWish = { kind: 'wish', description: '楼下加个扶手，老人上台阶方便。', name: '刘奶奶', consent: true };
const itemsOf = async (project = JIEYUNLI) => (await r.page(project)).items;

describe('the roster of volunteers (四大员)', () => {
  it('shows community staff their compounds’ volunteers with phones, and other communities none', async () => {
    const res = await r.staff('jieyunlu', 'GET', '/volunteers');
    expect(res.status).toBe(200);
    const { volunteers } = await res.json();
    expect(volunteers).toEqual([
      expect.objectContaining({
        name: '（演示）洁云里志愿者',
        roles: ['information_collector', 'quality_supervisor'],
        phone: '13900000710',
        login: VOLUNTEER,
        compound: expect.objectContaining({ slug: 'tiedao-jieyunli' }),
      }),
    ]);
    expect((await r.staffOk<{ volunteers: unknown[] }>('yongan', 'GET', '/volunteers')).volunteers).toEqual([]);
    expect((await r.staffOk<{ volunteers: unknown[] }>('erqi-admin', 'GET', '/volunteers')).volunteers).toHaveLength(5);
  });

  it('validates a new volunteer and keeps them to the staff member’s place', async () => {
    const body = { compound: 'tiedao-jieyunli', name: '周大爷', roles: ['action_leader'], phone: '13700000031' };
    const bad = await r.staff('jieyunlu', 'POST', '/volunteers', { ...body, roles: [], phone: '123' });
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.fields).toMatchObject({ roles: expect.any(String), phone: expect.any(String) });
    const staffLogin = await r.staff('jieyunlu', 'POST', '/volunteers', { ...body, login: 'jieyunlu' });
    expect((await staffLogin.json()).error.fields).toHaveProperty('login');
    const taken = await r.staff('jieyunlu', 'POST', '/volunteers', { ...body, login: VOLUNTEER });
    expect((await taken.json()).error.fields.login).toMatch(/another volunteer/);
    expect((await r.staff('yongan', 'POST', '/volunteers', body)).status).toBe(404);
    expect((await r.staff('yongan-wuye', 'POST', '/volunteers', body)).status).toBe(403);
    const created = await r.staff('jieyunlu', 'POST', '/volunteers', body);
    expect(created.status).toBe(201);
    expect((await created.json()).volunteer).toMatchObject({ name: '周大爷', publicConsent: false, login: null });
    expect(await r.audits('renovation.volunteer.create')).toBe(1);
  });

  it('edits as of the version read, and removes a volunteer from the roster', async () => {
    const { volunteer } = await r.staffOk<{ volunteer: { id: number } }>('jieyunlu', 'POST', '/volunteers', {
      compound: 'tiedao-jieyunli',
      name: '吴阿姨',
      roles: ['policy_promoter'],
      phone: '13700000032',
    });
    const path = `/volunteers/${volunteer.id}`;
    const edited = await r.staffOk<{ volunteer: object }>('jieyunlu', 'PATCH', path, {
      version: 1,
      publicConsent: true,
    });
    expect(edited.volunteer).toMatchObject({ publicConsent: true, version: 2 });
    expect((await r.staff('jieyunlu', 'PATCH', path, { version: 1, name: '吴' })).status).toBe(409);
    expect((await r.staff('gongrenlu', 'DELETE', path)).status).toBe(404);
    expect((await r.page()).volunteers).toContainEqual({ name: '吴阿姨', roles: ['policy_promoter'] });
    expect((await r.staff('jieyunlu', 'DELETE', path)).status).toBe(200);
    expect((await r.page()).volunteers).not.toContainEqual(expect.objectContaining({ name: '吴阿姨' }));
    expect((await r.staff('jieyunlu', 'PATCH', path, { version: 2, name: '吴' })).status).toBe(404);
  });

  it('shows residents only the names and roles of volunteers who agreed, never a phone', async () => {
    const page = await r.page(RENHE);
    expect(page.volunteers).toHaveLength(4);
    expect(page.volunteers.flatMap((v) => v.roles).sort()).toEqual([
      'action_leader',
      'information_collector',
      'policy_promoter',
      'quality_supervisor',
    ]);
    for (const v of page.volunteers) expect(Object.keys(v).sort()).toEqual(['name', 'roles']);
    const jieyunli = await r.page();
    expect(jieyunli.volunteers.map((v) => v.name)).not.toContain('周大爷');
    expect(JSON.stringify(jieyunli)).not.toMatch(/1390000071|13700000031/);
  });
});

describe('what a volunteer records for neighbours', () => {
  it('shows the volunteer their compound’s projects only', async () => {
    const res = await call(VOLUNTEER, 'GET', '/renovation/volunteer/projects');
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.volunteer).toMatchObject({ roles: ['information_collector', 'quality_supervisor'] });
    expect(body.projects.map((p: { id: number }) => p.id)).toEqual([JIEYUNLI]);
    expect((await call('jieyunlu', 'GET', '/renovation/volunteer/projects')).status).toBe(403);
    expect((await call(null, 'GET', '/renovation/volunteer/projects')).status).toBe(401);
  });

  it('records a wish with channel volunteer, credited publicly, once per Idempotency-Key', async () => {
    const first = await call(
      VOLUNTEER,
      'POST',
      `/renovation/volunteer/projects/${JIEYUNLI}/wishes`,
      neighbourWish,
      'vol-wish-1',
    );
    expect(first.status).toBe(201);
    const filed = await first.json();
    const again = await call(
      VOLUNTEER,
      'POST',
      `/renovation/volunteer/projects/${JIEYUNLI}/wishes`,
      neighbourWish,
      'vol-wish-1',
    );
    expect(again.headers.get('Idempotent-Replayed')).toBe('true');
    expect((await again.json()).number).toBe(filed.number);
    expect(await r.wishRows({ description: neighbourWish.description })).toBe(1);

    const [row] = await r.t.db.select().from(renovationWishes).where(eq(renovationWishes.number, filed.number));
    // No phone of their own: the call-back goes to the volunteer.
    expect(row).toMatchObject({ channel: 'volunteer', phone: '13900000710', name: '刘奶奶' });
    const shown = (await r.page()).wishGroups.flatMap((g) => g.wishes).find((w) => w.number === filed.number);
    expect(shown).toMatchObject({ volunteer: { name: '（演示）洁云里志愿者' } });
    expect(JSON.stringify(shown)).not.toMatch(/13900000710|刘奶奶/);
    const tracked = await (await r.trackWish(filed.number, filed.token)).json();
    expect(tracked.timeline[0]).toMatchObject({ actor: 'volunteer' });
  });

  it('keeps the neighbour’s own phone, and validates like a wish', async () => {
    const withPhone = await call(VOLUNTEER, 'POST', `/renovation/volunteer/projects/${JIEYUNLI}/wishes`, {
      ...neighbourWish,
      description: '单元门口的台阶太高。',
      phone: '0371-6000 1234',
    });
    const { number } = await withPhone.json();
    const [row] = await r.t.db.select().from(renovationWishes).where(eq(renovationWishes.number, number));
    expect(row!.phone).toBe('037160001234');
    const bad = await call(VOLUNTEER, 'POST', `/renovation/volunteer/projects/${JIEYUNLI}/wishes`, {
      kind: 'wish',
      description: '短',
      phone: '12',
    });
    expect(bad.status).toBe(400);
    expect(Object.keys((await bad.json()).error.fields).sort()).toEqual(['consent', 'description', 'phone']);
    expect(
      (await call(VOLUNTEER, 'POST', `/renovation/volunteer/projects/${RENHE}/wishes`, neighbourWish)).status,
    ).toBe(404);
  });

  it('reports a quality problem on a plan item; staff answer it, and both show on the item', async () => {
    const [item] = await itemsOf();
    const path = `/renovation/volunteer/items/${item!.id}/problems`;
    const report = { description: '新换的声控灯一周就不亮了。' };
    const first = await call(VOLUNTEER, 'POST', path, report, 'vol-problem-1');
    expect(first.status).toBe(201);
    const { id } = await first.json();
    expect((await (await call(VOLUNTEER, 'POST', path, report, 'vol-problem-1')).json()).id).toBe(id);
    expect((await call(VOLUNTEER, 'POST', path, { description: '' })).status).toBe(400);
    const renheItem = (await itemsOf(RENHE))[0]!;
    expect((await call(VOLUNTEER, 'POST', `/renovation/volunteer/items/${renheItem.id}/problems`, report)).status).toBe(
      404,
    );

    const onItem = (await itemsOf()).find((i) => i.id === item!.id)!;
    expect(onItem.problems).toEqual([
      expect.objectContaining({
        id,
        description: report.description,
        status: 'open',
        answer: null,
        reportedBy: '（演示）洁云里志愿者',
      }),
    ]);
    expect(JSON.stringify(onItem)).not.toContain('13900000710');

    const open = await r.staffOk<{
      problems: { id: number; version: number; reporter: object }[];
      contractors: unknown[];
    }>('jieyunlu', 'GET', `/projects/${JIEYUNLI}/problems?status=open`);
    expect(open.problems).toEqual([
      expect.objectContaining({ id, reporter: { name: '（演示）洁云里志愿者', phone: '13900000710' } }),
    ]);
    expect(open.contractors).toEqual([expect.objectContaining({ name: '（演示）某建设工程有限公司' })]);
    expect((await r.staff('yongan', 'GET', `/projects/${JIEYUNLI}/problems`)).status).toBe(404);

    const answer = `/problems/${id}/answer`;
    expect((await r.staff('jieyunlu', 'POST', answer, { version: 1, answer: '' })).status).toBe(400);
    expect((await r.staff('yongan', 'POST', answer, { version: 1, answer: '已通知施工方。' })).status).toBe(404);
    expect(
      (await call(VOLUNTEER, 'POST', `/renovation/staff${answer}`, { version: 1, answer: '我来答复。' })).status,
    ).toBe(403);
    const answered = await r.staff('jieyunlu', 'POST', answer, {
      version: 1,
      answer: '施工方已更换灯具，社区复查合格。',
    });
    expect(answered.status).toBe(200);
    expect((await r.staff('jieyunlu', 'POST', answer, { version: 1, answer: '再答' })).status).toBe(409);
    const shown = (await itemsOf()).find((i) => i.id === item!.id)!.problems[0];
    expect(shown).toMatchObject({ status: 'answered', answer: '施工方已更换灯具，社区复查合格。' });
    expect(await r.audits('renovation.problem.answer', String(id))).toBe(1);
  });

  it('keeps a problem’s photos past the sweep of unclaimed uploads, and shows them publicly', async () => {
    const { key } = await (await upload(r.t.api, plainJpeg)).json();
    const [, item] = await itemsOf();
    const res = await call(VOLUNTEER, 'POST', `/renovation/volunteer/items/${item!.id}/problems`, {
      description: '充电棚的地基有裂缝。',
      photos: [key],
    });
    const { id } = await res.json();
    await runHousekeeping(r.t.db, r.t.platform.photos, START + 2 * DAY_MS);
    const photo = await r.t.app.request(`/api/renovation/problems/${id}/photos/0`);
    expect([photo.status, photo.headers.get('Content-Type')]).toEqual([200, 'image/jpeg']);
    expect((await r.t.app.request(`/api/renovation/problems/${id}/photos/1`)).status).toBe(404);
    expect((await itemsOf()).find((i) => i.id === item!.id)!.problems[0]).toMatchObject({ photoCount: 1 });
  });
});

describe('a volunteer’s sign-in does only these two things', () => {
  it('is turned away from every staff page and the help log', async () => {
    for (const [method, path, status] of [
      ['GET', '/renovation/staff/projects', 403],
      ['GET', `/renovation/staff/projects/${JIEYUNLI}`, 403],
      ['POST', `/renovation/staff/projects/${JIEYUNLI}/wishes`, 403],
      ['GET', '/renovation/staff/volunteers', 403],
      ['GET', '/desk/tickets', 403],
      ['GET', '/desk/home-visits', 403],
      ['GET', '/organiser/events', 403],
      ['GET', '/newsroom/articles', 403],
      ['GET', '/staff', 403],
      ['GET', '/audit', 403],
      ['GET', '/help/households', 404],
    ] as const) {
      const body = method === 'POST' ? { ...neighbourWish, phone: '13700000034', channel: 'phone' } : undefined;
      const res = await call(VOLUNTEER, method, path, body);
      expect([path, res.status]).toEqual([path, status]);
    }
  });

  it('does only what the roster gives them, and nothing once off it', async () => {
    const admin = await call('erqi-admin', 'POST', '/staff', {
      login: 'jieyunli-promoter',
      displayName: '宣传员',
      role: 'volunteer',
      place: 'tiedao-jieyunli',
      password: demoPassword,
    });
    expect(admin.status).toBe(201);
    const promoter = 'jieyunli-promoter';
    // An account not on the roster yet may do nothing.
    expect((await call(promoter, 'GET', '/renovation/volunteer/projects')).status).toBe(403);
    const { volunteer } = await r.staffOk<{ volunteer: { id: number } }>('jieyunlu', 'POST', '/volunteers', {
      compound: 'tiedao-jieyunli',
      name: '宣传员',
      roles: ['policy_promoter'],
      phone: '13700000033',
      login: promoter,
    });
    expect((await call(promoter, 'GET', '/renovation/volunteer/projects')).status).toBe(200);
    const [item] = await itemsOf();
    expect(
      (await call(promoter, 'POST', `/renovation/volunteer/projects/${JIEYUNLI}/wishes`, neighbourWish)).status,
    ).toBe(403);
    expect(
      (
        await call(promoter, 'POST', `/renovation/volunteer/items/${item!.id}/problems`, {
          description: '墙皮脱落了。',
        })
      ).status,
    ).toBe(403);
    await r.staffOk('jieyunlu', 'DELETE', `/volunteers/${volunteer.id}`);
    expect((await call(promoter, 'GET', '/renovation/volunteer/projects')).status).toBe(403);
  });
});
