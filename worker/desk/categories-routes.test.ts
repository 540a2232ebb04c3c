import { and, eq } from 'drizzle-orm';
import type { InferRequestType } from 'hono/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { communities, ticketCategories } from '../../schema/index.ts';
import { errorOf } from '../test-helpers.ts';
import { type DeskApp, deskApp, HOUR_MS, START, workingDaysAfterStart } from './test-helpers.ts';

let d: DeskApp;
beforeAll(async () => {
  d = await deskApp();
});
afterAll(() => d.t.cleanup());

type CategoryInput = InferRequestType<DeskApp['t']['api']['desk']['categories']['$post']>['json'];
const lifts = {
  community: 'yongan',
  code: 'lifts',
  name: '电梯',
  nameEn: 'Lifts',
  owner: 'property',
  serviceDays: 2,
  examples: '电梯困人、异响、停运',
};

const residentCodes = async (community = 'yongan') =>
  (await (await d.t.api.tickets.categories.$get({ query: { community } })).json()).categories.map((c) => c.code);
const categories = async (login: string, community: string) =>
  d.t.api.desk.categories.$get({ query: { community } }, await d.as(login));
const create = async (login: string, body: Record<string, unknown>) =>
  d.t.api.desk.categories.$post({ json: body as CategoryInput }, await d.as(login));

async function categoryId(community: string, code: string) {
  const [row] = await d.t.db
    .select({ id: ticketCategories.id })
    .from(ticketCategories)
    .innerJoin(communities, eq(communities.id, ticketCategories.communityId))
    .where(and(eq(communities.slug, community), eq(ticketCategories.code, code)));
  return row!.id;
}

describe('the categories a community sorts by', () => {
  it('are listed to its staff in full, to others not at all', async () => {
    const res = await categories('yongan', 'yongan');
    expect(res.status).toBe(200);
    const { categories: listed } = await res.json();
    expect(listed).toHaveLength(12);
    expect(listed[0]).toMatchObject({ code: 'public-facilities', active: true, id: expect.any(Number) });
    expect((await categories('yongan', 'gongrenlu')).status).toBe(404);
    expect((await categories('jianzhongjie', 'yongan')).status).toBe(200);
    expect((await categories('weihongmin', 'jieyunlu')).status).toBe(403);
  });

  it('take a new category that residents then file under, owned and timed as set', async () => {
    const before = await d.auditCount('category.create');
    const res = await create('yongan', lifts);
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({
      category: { code: 'lifts', owner: 'property', serviceDays: 2, sortOrder: 100, active: true },
    });
    expect(await d.auditCount('category.create')).toBe(before + 1);
    expect(await residentCodes()).toContain('lifts');
    expect(await residentCodes('renhelu')).not.toContain('lifts');
    const { number, token } = await d.fileOk({ category: 'lifts' });
    expect(await (await d.track(number, token)).json()).toMatchObject({
      owner: 'property',
      dueAt: workingDaysAfterStart(2),
    });
  });

  it('refuse a code the community already has, and bad fields by name', async () => {
    const again = await create('yongan', lifts);
    expect(again.status).toBe(409);
    expect(await again.json()).toMatchObject({ error: { code: 'category_exists', fields: { code: 'Taken.' } } });
    const bad = await create('yongan', { ...lifts, code: 'Lifts!', owner: 'mayor', serviceDays: 0 });
    expect(bad.status).toBe(400);
    expect(Object.keys((await errorOf(bad)).error.fields ?? {}).sort()).toEqual(['code', 'owner', 'serviceDays']);
  });

  it('take the hours clock for the urgent class, and refuse its times out of range by name', async () => {
    const urgent = { ...lifts, code: 'lift-stuck', clock: 'hours', serviceHours: 4, responseHours: 1 };
    const res = await create('yongan', urgent);
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({
      category: { clock: 'hours', serviceHours: 4, responseHours: 1, responseDays: 1 },
    });
    const { number, token } = await d.fileOk({ category: 'lift-stuck' });
    expect(await (await d.track(number, token)).json()).toMatchObject({ clock: 'hours', dueAt: START + 4 * HOUR_MS });
    expect(await d.view(number)).toMatchObject({ firstResponseDueAt: START + HOUR_MS, firstResponseAt: null });
    const bad = await create('yongan', {
      ...urgent,
      code: 'lift-stuck-2',
      clock: 'weeks',
      serviceHours: 169,
      responseDays: 11,
      responseHours: 49,
    });
    expect(bad.status).toBe(400);
    expect(Object.keys((await errorOf(bad)).error.fields ?? {}).sort()).toEqual([
      'clock',
      'responseDays',
      'responseHours',
      'serviceHours',
    ]);
  });

  it("are kept by the community's own staff and its sub-district only", async () => {
    const body = { ...lifts, code: 'lifts-2' };
    expect((await create('yongan-wuye', body)).status).toBe(404);
    expect((await create('weihongmin', { ...body, community: 'jieyunlu' })).status).toBe(403);
    expect((await create('jianzhongjie', { ...body, community: 'gongrenlu' })).status).toBe(404);
    expect((await create('jianzhongjie', body)).status).toBe(201);
    const gongren = await categoryId('gongrenlu', 'repairs');
    expect(
      (
        await d.t.app.request(`/api/desk/categories/${gongren}`, {
          method: 'PATCH',
          body: JSON.stringify({ serviceDays: 1 }),
          headers: { 'Content-Type': 'application/json', ...(await d.headers('yongan')) },
        })
      ).status,
    ).toBe(404);
  });

  it("can be retired: gone from the residents' list and from filing, kept on old tickets", async () => {
    const { number } = await d.fileOk({ category: 'parking' });
    const id = await categoryId('yongan', 'parking');
    const patch = (body: unknown) =>
      d.headers('yongan').then((h) =>
        d.t.app.request(`/api/desk/categories/${id}`, {
          method: 'PATCH',
          body: JSON.stringify(body),
          headers: { 'Content-Type': 'application/json', ...h },
        }),
      );
    const res = await patch({ active: false });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ category: { code: 'parking', active: false } });
    expect(await residentCodes()).not.toContain('parking');
    const refused = await d.file({ category: 'parking' });
    expect(refused.status).toBe(400);
    expect(await refused.json()).toMatchObject({ error: { fields: { category: expect.any(String) } } });
    expect((await d.view(number)).category.code).toBe('parking');
    expect((await patch({ serviceDays: 91 })).status).toBe(400);
    const empty = await patch({});
    expect(empty.status).toBe(400);
    expect(await empty.json()).toHaveProperty('error.code', 'invalid_input');
  });
});
