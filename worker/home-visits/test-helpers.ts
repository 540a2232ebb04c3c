import { and, eq } from 'drizzle-orm';
import type { hc, InferRequestType } from 'hono/client';
import { auditLog, homeVisits, staff } from '../../schema/index.ts';
import type { AppType } from '../app.ts';
import { deskApp } from '../desk/test-helpers.ts';
import type { Platform } from '../lib/platform.ts';

type Api = ReturnType<typeof hc<AppType>>;
type RequestInput = InferRequestType<Api['home-visits']['$post']>['json'];
type ActionInput = InferRequestType<Api['desk']['home-visits'][':number']['actions']['$post']>['json'];

/** A request that passes validation: a family member asks for a card replacement in Gongren Road. */
export const aVisit = {
  community: 'gongrenlu',
  service: 'sscard-replace',
  forWhom: { relation: 'family', name: '王建国', addressAs: '王大爷' },
  address: { building: '5号楼', unit: '1单元', room: '302' },
  phone: '13900000009',
  reason: { kind: 'mobility', note: '中风后卧床' },
  preferredTimes: '周末上午',
  name: '王小红',
  consent: true,
};

/** A slot two days after the tests' start (2026-11-26 10:00 in Zhengzhou). */
export const aSlot = { start: '2026-11-28T09:30:00+08:00', end: '2026-11-28T10:30:00+08:00' };

/**
 * The desk's test app with home-visit helpers: requests, tracking, staff reads and actions
 * (the version is read from the database, so no staff read is audited on the way), and `walk`,
 * which takes a new request to a given status the normal way.
 */
export async function visitApp(overrides: Partial<Platform> = {}) {
  const d = await deskApp(overrides);
  const api = d.t.api;
  const request = (body: Record<string, unknown> = {}, headers: Record<string, string> = {}) =>
    api['home-visits'].$post({ json: { ...aVisit, ...body } as RequestInput }, { headers });
  async function requestOk(body: Record<string, unknown> = {}) {
    const res = await request(body);
    if (res.status !== 201) throw new Error(`request failed: ${res.status} ${await res.text()}`);
    return res.json();
  }
  const track = (number: string, token: string) =>
    api['home-visits'][':number'].$get({ param: { number }, query: { token } });
  const tracked = async (number: string, token: string) => {
    const res = await track(number, token);
    if (res.status !== 200) throw new Error(`tracking failed: ${res.status}`);
    return res.json();
  };
  const readVisit = async (login: string, number: string) =>
    api.desk['home-visits'][':number'].$get({ param: { number } }, await d.as(login));
  const stored = async (number: string) =>
    (await d.t.db.select().from(homeVisits).where(eq(homeVisits.number, number)))[0]!;
  async function act(login: string, number: string, action: Record<string, unknown>) {
    const version = 'version' in action || action.action === 'note' ? {} : { version: (await stored(number)).version };
    return api.desk['home-visits'][':number'].actions.$post(
      { param: { number }, json: { ...version, ...action } as ActionInput },
      await d.as(login),
    );
  }
  async function actOk(login: string, number: string, action: Record<string, unknown>) {
    const res = await act(login, number, action);
    if (res.status !== 200) throw new Error(`${String(action.action)} failed: ${res.status} ${await res.text()}`);
    return res.json();
  }
  const resident = (number: string, what: 'info' | 'slot' | 'confirm' | 'rating', body: Record<string, unknown>) =>
    d.t.post(`/api/home-visits/${number}/${what}`, body);

  const steps = {
    reviewed: (n: string) => actOk('gongrenlu', n, { action: 'approve' }),
    sent: (n: string) => actOk('gongrenlu', n, { action: 'send' }),
    accepted: (n: string) => actOk('boc-zhongyuan', n, { action: 'accept', slot: aSlot, visitorName: '李经理' }),
    scheduled: async (n: string, token: string) => expectOk(await resident(n, 'slot', { token, answer: 'confirm' })),
    visited: (n: string) => actOk('boc-zhongyuan', n, { action: 'done', note: '办好了' }),
    confirmed: async (n: string, token: string) => expectOk(await resident(n, 'confirm', { token, score: 5 })),
  };
  type Reached = keyof typeof steps | 'requested';
  /** A new request taken through the workflow up to `status`. */
  async function walk(status: Reached, body: Record<string, unknown> = {}) {
    const filed = await requestOk(body);
    const order = Object.keys(steps) as (keyof typeof steps)[];
    for (const s of order.slice(0, order.indexOf(status as keyof typeof steps) + 1))
      await steps[s](filed.number, filed.token);
    return filed;
  }

  /** The logins whose reading of this visit revealed its personal details, one per reveal, from the audit log. */
  const reveals = async (number: string) =>
    (
      await d.t.db
        .select({ login: staff.login })
        .from(auditLog)
        .innerJoin(staff, eq(staff.id, auditLog.staffId))
        .where(and(eq(auditLog.action, 'home_visit.reveal'), eq(auditLog.objectId, number)))
        .orderBy(auditLog.id)
    ).map((r) => r.login);

  return Object.assign(d, {
    request,
    requestOk,
    track,
    tracked,
    readVisit,
    stored,
    act,
    actOk,
    resident,
    walk,
    reveals,
  });
}
export type VisitApp = Awaited<ReturnType<typeof visitApp>>;

async function expectOk(res: Response) {
  if (res.status !== 200) throw new Error(`resident step failed: ${res.status} ${await res.text()}`);
}
