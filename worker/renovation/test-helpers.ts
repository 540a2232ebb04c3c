import { and, count, eq } from 'drizzle-orm';
import type { hc, InferRequestType } from 'hono/client';
import { auditLog, renovationWishes } from '../../schema/index.ts';
import type { AppType } from '../app.ts';
import { deskApp } from '../desk/test-helpers.ts';
import type { Platform } from '../lib/platform.ts';

type Api = ReturnType<typeof hc<AppType>>;
type WishInput = InferRequestType<Api['renovation']['projects'][':id']['wishes']['$post']>['json'];

/** The demo's projects in a fresh database: 人和路6号院 (completed) and 铁道洁云里 (consulting). */
export const RENHE = 1;
export const JIEYUNLI = 2;

/** A resident's wish that passes validation, on the project in consultation. */
export const aWish = {
  kind: 'wish',
  description: '小区门口加一个无障碍坡道，轮椅能进出。',
  location: '1号楼1单元',
  name: '王奶奶',
  phone: '13700000021',
  consent: true,
};

/**
 * The renovation tests' app: the desk's (a fresh demo database, a clock, staff sessions by login)
 * with residents' wishes, tracking and the staff calls of renovation.
 * @example const r = await renovationApp(); const { number, token } = await r.wishOk();
 */
export async function renovationApp(overrides: Partial<Platform> = {}) {
  const d = await deskApp(overrides);
  const api = d.t.api.renovation;

  const wish = (body: Record<string, unknown> = {}, headers: Record<string, string> = {}, project = JIEYUNLI) =>
    api.projects[':id'].wishes.$post(
      { param: { id: String(project) }, json: { ...aWish, ...body } as WishInput },
      { headers },
    );

  async function wishOk(body: Record<string, unknown> = {}, project = JIEYUNLI) {
    const res = await wish(body, {}, project);
    if (res.status !== 201) throw new Error(`wish failed: ${res.status} ${await res.text()}`);
    return res.json();
  }

  const trackWish = (number: string, token: string) =>
    api.wishes[':number'].$get({ param: { number }, query: { token } });
  const page = async (id = JIEYUNLI) => {
    const res = await api.projects[':id'].$get({ param: { id: String(id) } });
    if (res.status !== 200) throw new Error(`project page failed: ${res.status} ${await res.text()}`);
    return (await res.json()).project;
  };

  /** A staff call as `login`: method, path under /api/renovation/staff, JSON body. */
  async function staff(login: string, method: string, path: string, body?: unknown) {
    return d.t.app.request(`/api/renovation/staff${path}`, {
      method,
      headers: { ...(await d.headers(login)), ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  }
  async function staffOk<T = Record<string, unknown>>(login: string, method: string, path: string, body?: unknown) {
    const res = await staff(login, method, path, body);
    if (res.status >= 300) throw new Error(`${method} ${path} failed: ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  }

  const wishRows = async (where?: { description?: string }) =>
    (
      await d.t.db
        .select({ n: count() })
        .from(renovationWishes)
        .where(where?.description ? eq(renovationWishes.description, where.description) : undefined)
    )[0]!.n;
  const audits = async (action: string, objectId?: string) =>
    (
      await d.t.db
        .select({ n: count() })
        .from(auditLog)
        .where(and(eq(auditLog.action, action), objectId ? eq(auditLog.objectId, objectId) : undefined))
    )[0]!.n;

  return Object.assign(d, { api, wish, wishOk, trackWish, page, staff, staffOk, wishRows, audits });
}
export type RenovationApp = Awaited<ReturnType<typeof renovationApp>>;
