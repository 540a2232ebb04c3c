import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { plainJpeg, upload } from '../desk/test-helpers.ts';
import { DAY_MS } from '../lib/time.ts';
import { errorOf } from '../test-helpers.ts';
import { JIEYUNLI, RENHE, type RenovationApp, renovationApp } from './test-helpers.ts';

let r: RenovationApp;
beforeAll(async () => {
  r = await renovationApp();
});
afterAll(() => r.t.cleanup());

// biome-ignore lint/suspicious/noExplicitAny: staff answers are read loosely here; their shapes are checked field by field
type Json = Record<string, any>;
const codeOf = async (res: Response) => (await errorOf(res)).error.code;
const newProject = {
  compound: 'tiedao-jieyunli',
  title: '洁云里二期：楼顶防水',
  summary: '楼顶防水和外墙保温。',
  partners: [
    { partner: 'demo-contractor', role: 'contractor' },
    { partner: 'demo-supervisor', role: 'supervisor' },
  ],
};

describe('who may see and run a project', () => {
  // Project 2 lies in Jieyun Road (Jingguang Road sub-district); the others' places are elsewhere.
  const expected: [string, number][] = [
    ['erqi-admin', 200],
    ['jieyunlu', 200],
    ['yongan', 404],
    ['jianzhongjie', 404],
    ['yongan-wuye', 404],
    ['weihongmin', 403],
  ];
  for (const [login, status] of expected) {
    it(`${login} reads the Jieyunli project: ${status}, and its wish and stats the same`, async () => {
      const res = await r.staff(login, 'GET', `/projects/${JIEYUNLI}`);
      expect(res.status).toBe(status);
      if (status === 404) expect(await codeOf(res)).toBe('project_not_found');
      const number = (await r.page(JIEYUNLI)).wishGroups[0]!.wishes[0]!.number;
      const wish = await r.staff(login, 'GET', `/wishes/${number}`);
      expect(wish.status).toBe(status);
      if (status === 404) expect(await codeOf(wish)).toBe('wish_not_found');
      expect((await r.staff(login, 'GET', `/projects/${JIEYUNLI}/stats`)).status).toBe(status);
      const answer = await r.staff(login, 'POST', `/wishes/${number}/answer`, {
        version: 99,
        outcome: 'under_consideration',
      });
      expect(answer.status).toBe(status === 200 ? 409 : status);
    });
  }

  it('lists only the projects of the staff member’s place', async () => {
    const ids = async (login: string) =>
      ((await r.staffOk<Json>(login, 'GET', '/projects')).projects as Json[]).map((p) => p.id);
    expect((await ids('erqi-admin')).sort()).toEqual([RENHE, JIEYUNLI]);
    expect(await ids('jieyunlu')).toEqual([JIEYUNLI]);
    expect(await ids('yongan')).toEqual([]);
    expect((await r.staff('weihongmin', 'GET', '/projects')).status).toBe(403);
    expect((await r.t.app.request('/api/renovation/staff/projects')).status).toBe(401);
  });

  it('shows staff the phone and name a resident gave, which the public never sees', async () => {
    const { number } = await r.wishOk({ name: '孙大爷', phone: '13512345678' });
    const { wish } = await r.staffOk<Json>('jieyunlu', 'GET', `/wishes/${number}`);
    expect(wish).toMatchObject({ name: '孙大爷', phone: '13512345678', channel: 'web', version: 1 });
    expect(wish.timeline).toHaveLength(1);
    const listed = await r.staffOk<Json>('jieyunlu', 'GET', `/projects/${JIEYUNLI}/wishes?outcome=received`);
    expect(listed.wishes.find((w: Json) => w.number === number)).toMatchObject({ phone: '13512345678' });
    expect((await r.staff('jieyunlu', 'GET', `/projects/${JIEYUNLI}/wishes?outcome=someday`)).status).toBe(400);
  });

  it('records a wish for a walk-in or a caller, in the staff member’s place only', async () => {
    const body = { kind: 'wish', description: '电话里说：希望楼下装个扶手。', phone: '03716666888', consent: true };
    const res = await r.staff('jieyunlu', 'POST', `/projects/${JIEYUNLI}/wishes`, { ...body, channel: 'phone' });
    expect(res.status).toBe(201);
    const { number } = (await res.json()) as Json;
    expect((await r.staffOk<Json>('jieyunlu', 'GET', `/wishes/${number}`)).wish.channel).toBe('phone');
    expect(
      (await r.staff('yongan', 'POST', `/projects/${JIEYUNLI}/wishes`, { ...body, channel: 'phone' })).status,
    ).toBe(404);
  });
});

describe('projects and plan items', () => {
  it('creates a project in a compound of the own place only, with partners that exist in their role', async () => {
    const res = await r.staff('jieyunlu', 'POST', '/projects', newProject);
    expect(res.status).toBe(201);
    const { project } = (await res.json()) as Json;
    expect(project).toMatchObject({ title: newProject.title, status: 'consulting', version: 1, items: [] });
    expect(project.partners.map((p: Json) => p.slug)).toEqual(['demo-contractor', 'demo-supervisor']);
    expect(await r.audits('renovation.project.create', String(project.id))).toBe(1);

    const elsewhere = await r.staff('jieyunlu', 'POST', '/projects', { ...newProject, compound: 'renhelu-6' });
    expect(elsewhere.status).toBe(404);
    const unknown = await r.staff('jieyunlu', 'POST', '/projects', { ...newProject, compound: 'atlantis' });
    expect((await errorOf(unknown)).error.fields).toEqual({ compound: 'No such compound.' });
    const wrongRole = await r.staff('jieyunlu', 'POST', '/projects', {
      ...newProject,
      partners: [{ partner: 'demo-supervisor', role: 'contractor' }],
    });
    expect(Object.keys((await errorOf(wrongRole)).error.fields ?? {})).toEqual(['partners.0.partner']);
    expect((await r.staff('weihongmin', 'POST', '/projects', newProject)).status).toBe(403);
  });

  it('edits as of the version read; a stale version is a 409 and changes nothing', async () => {
    const { project } = await r.staffOk<Json>('jieyunlu', 'POST', '/projects', newProject);
    const path = `/projects/${project.id}`;
    const edited = await r.staffOk<Json>('jieyunlu', 'PATCH', path, {
      version: 1,
      status: 'plan_agreed',
      planAgreedOn: '2026-12-01',
      articles: [5],
    });
    expect(edited.project).toMatchObject({ status: 'plan_agreed', dates: { planAgreedOn: '2026-12-01' }, version: 2 });
    expect(edited.project.articles.map((a: Json) => a.id)).toEqual([5]);
    const stale = await r.staff('jieyunlu', 'PATCH', path, { version: 1, title: '不会写进去' });
    expect(stale.status).toBe(409);
    expect(await codeOf(stale)).toBe('version_conflict');
    expect((await r.staffOk<Json>('jieyunlu', 'GET', path)).project.title).toBe(newProject.title);
    expect(await r.audits('renovation.project.edit', String(project.id))).toBe(1);
    const bad = await r.staff('jieyunlu', 'PATCH', path, { version: 2, planAgreedOn: '2026-02-30' });
    expect(Object.keys((await errorOf(bad)).error.fields ?? {})).toEqual(['planAgreedOn']);
  });

  it('keeps each status change of a plan item with its public reason; dropping one needs a reason', async () => {
    const { project } = await r.staffOk<Json>('jieyunlu', 'POST', '/projects', newProject);
    const created = await r.staffOk<Json>('jieyunlu', 'POST', `/projects/${project.id}/items`, { title: '楼顶防水' });
    const item = created.item;
    expect(item).toMatchObject({ status: 'proposed', version: 1, position: 1 });
    const path = `/items/${item.id}`;
    const noReason = await r.staff('jieyunlu', 'PATCH', path, { version: 1, status: 'dropped' });
    expect((await errorOf(noReason)).error.fields).toEqual({ reason: 'Say publicly why the item is dropped.' });
    await r.staffOk('jieyunlu', 'PATCH', path, { version: 1, status: 'agreed', reason: '四方联席会通过。' });
    const done = await r.staffOk<Json>('jieyunlu', 'PATCH', path, { version: 2, status: 'done' });
    expect(done.item).toMatchObject({ status: 'done', doneOn: '2026-11-26', version: 3 });
    const page = await r.page(project.id);
    expect(page.items[0]!.history.map((h) => [h.fromStatus, h.toStatus, h.reason])).toEqual([
      [null, 'proposed', null],
      ['proposed', 'agreed', '四方联席会通过。'],
      ['agreed', 'done', null],
    ]);
    expect((await r.staff('yongan', 'PATCH', path, { version: 3, title: '改名' })).status).toBe(404);
    expect((await r.staff('jieyunlu', 'PATCH', path, { version: 1, title: '改名' })).status).toBe(409);
  });

  it('shows an item’s before and after photos publicly once staff put them on it', async () => {
    const { project } = await r.staffOk<Json>('jieyunlu', 'POST', '/projects', newProject);
    const key = (await (await upload(r.t.api, plainJpeg)).json()).key;
    const { item } = await r.staffOk<Json>('jieyunlu', 'POST', `/projects/${project.id}/items`, {
      title: '门口坡道',
      afterPhoto: key,
    });
    expect(item.afterPhoto).toEqual({ url: `/api/renovation/items/${item.id}/photos/after` });
    const photo = await r.t.app.request(item.afterPhoto.url);
    expect(photo.status).toBe(200);
    expect(photo.headers.get('content-type')).toBe('image/jpeg');
    expect(photo.headers.get('cross-origin-resource-policy')).toBe('cross-origin');
    expect((await r.t.app.request(`/api/renovation/items/${item.id}/photos/before`)).status).toBe(404);
    // A resident's photo is theirs: staff cannot put it on a plan item.
    const residents = (await (await upload(r.t.api, plainJpeg)).json()).key;
    await r.wishOk({ photos: [residents] });
    const taken = await r.staff('jieyunlu', 'PATCH', `/items/${item.id}`, { version: 1, beforePhoto: residents });
    expect((await errorOf(taken)).error.fields).toEqual({ beforePhoto: 'Upload the photo first.' });
  });
});

describe('answering wishes', () => {
  async function setUp() {
    const { project } = await r.staffOk<Json>('jieyunlu', 'POST', '/projects', newProject);
    const open = await r.staffOk<Json>('jieyunlu', 'POST', `/projects/${project.id}/items`, { title: '长椅' });
    const done = await r.staffOk<Json>('jieyunlu', 'POST', `/projects/${project.id}/items`, {
      title: '健身步道',
      status: 'done',
    });
    return { id: project.id as number, open: open.item.id as number, done: done.item.id as number };
  }
  const answer = (number: string, body: Json) => r.staff('jieyunlu', 'POST', `/wishes/${number}/answer`, body);

  it('answers came true only with a done item, and the resident sees it with its date', async () => {
    const p = await setUp();
    const { number, token } = await r.wishOk({}, p.id);
    const early = await answer(number, { version: 1, outcome: 'came_true', item: p.open });
    expect(Object.keys((await errorOf(early)).error.fields ?? {})).toEqual(['item']);
    const missing = await answer(number, { version: 1, outcome: 'came_true' });
    expect((await errorOf(missing)).error.fields).toEqual({ item: 'Link the plan item that realises it.' });
    r.clock += 2 * DAY_MS;
    const res = await answer(number, { version: 1, outcome: 'came_true', item: p.done });
    expect(res.status).toBe(200);
    const tracked = await (await r.trackWish(number, token)).json();
    expect(tracked.answer).toMatchObject({ outcome: 'came_true', at: r.clock, item: { id: p.done, status: 'done' } });
    expect(tracked.timeline.map((e) => e.kind)).toEqual(['submitted', 'answered']);
    const page = await r.page(p.id);
    expect(page.wishGroups.map((g) => g.outcome)).toEqual(['came_true']);
    expect(page.items.find((i) => i.id === p.done)!.wishes).toEqual([number]);
    const stale = await answer(number, { version: 1, outcome: 'under_consideration' });
    expect(await codeOf(stale)).toBe('version_conflict');
    expect(await r.audits('renovation.wish.answer', number)).toBe(1);
    r.clock -= 2 * DAY_MS;
  });

  it('says why not possible, merges into another wish, and keeps a wish off the public list', async () => {
    const p = await setUp();
    const a = await r.wishOk({}, p.id);
    const b = await r.wishOk({ description: '同样希望门口有坡道。' }, p.id);
    const c = await r.wishOk({ description: '这条写了邻居的名字和门牌。' }, p.id);
    expect((await errorOf(await answer(a.number, { version: 1, outcome: 'not_possible' }))).error.fields).toEqual({
      note: 'Say publicly why it is not possible.',
    });
    await r.staffOk('jieyunlu', 'POST', `/wishes/${a.number}/answer`, {
      version: 1,
      outcome: 'not_possible',
      note: '门口是消防通道，不能建。',
    });
    const self = await answer(b.number, { version: 1, outcome: 'merged', mergedInto: b.number });
    expect(Object.keys((await errorOf(self)).error.fields ?? {})).toEqual(['mergedInto']);
    await r.staffOk('jieyunlu', 'POST', `/wishes/${b.number}/answer`, {
      version: 1,
      outcome: 'merged',
      mergedInto: a.number,
    });
    await r.staffOk('jieyunlu', 'POST', `/wishes/${c.number}/answer`, {
      version: 1,
      outcome: 'under_consideration',
      listed: false,
    });
    const page = await r.page(p.id);
    const shown = page.wishGroups.flatMap((g) => g.wishes);
    expect(shown.find((w) => w.number === a.number)!.answer).toMatchObject({
      outcome: 'not_possible',
      note: '门口是消防通道，不能建。',
    });
    expect(shown.find((w) => w.number === b.number)!.answer.mergedInto).toBe(a.number);
    expect(shown.map((w) => w.number)).not.toContain(c.number);
    expect((await (await r.trackWish(c.number, c.token)).json()).answer.outcome).toBe('under_consideration');
  });

  it('counts received, answered, came true, the median days to an answer and open objections', async () => {
    const p = await setUp();
    const start = r.clock;
    const w1 = await r.wishOk({}, p.id);
    const w2 = await r.wishOk({}, p.id);
    await r.wishOk({ kind: 'objection' }, p.id);
    r.clock = start + 2 * DAY_MS;
    await r.staffOk('jieyunlu', 'POST', `/wishes/${w1.number}/answer`, {
      version: 1,
      outcome: 'came_true',
      item: p.done,
    });
    r.clock = start + 5 * DAY_MS;
    await r.staffOk('jieyunlu', 'POST', `/wishes/${w2.number}/answer`, {
      version: 1,
      outcome: 'in_plan',
      item: p.open,
    });
    const { stats } = await r.staffOk<Json>('jieyunlu', 'GET', `/projects/${p.id}/stats`);
    expect(stats).toMatchObject({
      received: 3,
      wishes: 2,
      objections: 1,
      answered: 2,
      cameTrue: 1,
      medianDaysToAnswer: 3.5,
      objectionsOpen: 1,
    });
    r.clock = start;
  });
});
