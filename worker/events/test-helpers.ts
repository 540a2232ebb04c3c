import { asc, eq } from 'drizzle-orm';
import type { ClientResponse, hc, InferRequestType } from 'hono/client';
import { auditLog, eventSignups } from '../../schema/index.ts';
import type { AppType } from '../app.ts';
import type { Platform } from '../lib/platform.ts';
import { testApp } from '../test-helpers.ts';

/** The tests' "now": Thursday 2026-11-26, 10:00 in Zhengzhou. The demo events are scheduled from it. */
export const START = Date.UTC(2026, 10, 26, 2);
export const HOUR_MS = 60 * 60 * 1000;
export const DAY_MS = 24 * HOUR_MS;

/** An ISO time in Zhengzhou, `days` after the test's first day. */
export const shanghai = (days: number, time: string) =>
  new Date(Date.parse(`2026-11-26T${time}:00+08:00`) + days * DAY_MS).toISOString();

/** A new event that passes validation: a Small-Stool Class session in Jieyun Road. */
export const anEvent = {
  community: 'jieyunlu',
  title: '小板凳课堂：防范养老诈骗',
  kind: 'lecture',
  speaker: '黄新生',
  description: '法律法规进楼院。',
  channel: 'onsite',
  venue: '铁道洁云里小区广场',
  compound: 'tiedao-jieyunli',
  startsAt: shanghai(3, '09:30'),
  endsAt: shanghai(3, '10:30'),
  capacity: 30,
};

type Api = ReturnType<typeof hc<AppType>>;
type Organiser = Api['organiser']['events'][':id'];
/**
 * What organisers and residents send, as the typed client takes them. Tests also send bodies
 * the validators must refuse, so the helpers take any fields and name them as these.
 */
type EventInput = InferRequestType<Api['organiser']['events']['$post']>['json'];
type EditInput = InferRequestType<Organiser['$patch']>['json'];
type CancelInput = InferRequestType<Organiser['cancel']['$post']>['json'];
type SummaryInput = InferRequestType<Organiser['summary']['$post']>['json'];
type SignupInput = InferRequestType<Api['events'][':id']['signups']['$post']>['json'];

/**
 * The events' test app: a fresh demo database, a clock the test moves (`e.clock`), the client
 * address public writes are counted by, and staff calls by login.
 * @example const e = await eventsApp(); const ev = await e.create('erqi-admin'); await e.signUpOk(ev.id)
 */
export async function eventsApp(overrides: Partial<Platform> = {}) {
  const e = { clock: START, address: '203.0.113.9' };
  const t = await testApp({ now: () => e.clock, clientAddress: () => e.address, ...overrides });
  const tokens = new Map<string, { token: string; at: number }>();
  let phoneSeq = 0;

  async function headers(login: string) {
    // Sessions last 12 idle hours; tests that move the clock further sign in again.
    const cached = tokens.get(login);
    if (cached && e.clock >= cached.at && e.clock - cached.at < 6 * HOUR_MS) return t.bearer(cached.token);
    const token = await t.signIn(login);
    tokens.set(login, { token, at: e.clock });
    return t.bearer(token);
  }
  /** The client's options for a call as `login`, or as nobody. */
  const as = async (login: string | null) => ({ headers: login ? await headers(login) : {} });
  const id = (n: number) => ({ id: String(n) });

  /** The body of an answer that must have `status`; its type is the client's. */
  async function ok<T>(
    res: ClientResponse<T, number, 'json'> | Promise<ClientResponse<T, number, 'json'>>,
    status = 200,
  ): Promise<T> {
    const r = await res;
    if (r.status !== status) throw new Error(`expected ${status}, got ${r.status}: ${await r.text()}`);
    return r.json();
  }

  const organiser = t.api.organiser.events;
  const list = async (login: string | null, query: { when?: 'upcoming' | 'past' } = {}) =>
    organiser.$get({ query }, await as(login));
  const createRes = async (login: string, body: Record<string, unknown>) =>
    organiser.$post({ json: body as EventInput }, await as(login));
  const get = async (login: string | null, eventId: number) =>
    organiser[':id'].$get({ param: id(eventId) }, await as(login));
  const edit = async (login: string, eventId: number, body: Record<string, unknown>) =>
    organiser[':id'].$patch({ param: id(eventId), json: body as EditInput }, await as(login));
  const cancel = async (login: string, eventId: number, body: Record<string, unknown>) =>
    organiser[':id'].cancel.$post({ param: id(eventId), json: body as CancelInput }, await as(login));
  const summary = async (login: string, eventId: number, body: Record<string, unknown>) =>
    organiser[':id'].summary.$post({ param: id(eventId), json: body as SummaryInput }, await as(login));
  const door = async (login: string | null, eventId: number) =>
    organiser[':id'].signups.$get({ param: id(eventId) }, await as(login));
  const doorParam = (eventId: number, signupId: number) => ({ id: String(eventId), signupId: String(signupId) });
  const checkIn = async (login: string, eventId: number, signupId: number, checkedIn: boolean) =>
    organiser[':id'].signups[':signupId']['check-in'].$post(
      { param: doorParam(eventId, signupId), json: { checkedIn } },
      await as(login),
    );
  const cancelFor = async (login: string, eventId: number, signupId: number) =>
    organiser[':id'].signups[':signupId'].cancel.$post({ param: doorParam(eventId, signupId) }, await as(login));

  /** Creates one event (or a series) as a staff member and returns its sessions. */
  const create = async (login = 'erqi-admin', body: Record<string, unknown> = {}) =>
    (await ok(createRes(login, { ...anEvent, ...body }), 201)).events;
  const view = async (eventId: number, login = 'erqi-admin') => (await ok(get(login, eventId))).event;

  /** A distinct, valid mobile number per call, so sign-ups never collide by phone. */
  const nextPhone = () => `1380000${String(++phoneSeq).padStart(4, '0')}`;
  const signUp = (eventId: number, body: Record<string, unknown> = {}, extra: Record<string, string> = {}) =>
    t.api.events[':id'].signups.$post(
      { param: id(eventId), json: { name: '王阿姨', phone: nextPhone(), seats: 1, ...body } as SignupInput },
      { headers: extra },
    );
  const signUpOk = async (eventId: number, body: Record<string, unknown> = {}) => ok(signUp(eventId, body), 201);
  const mine = (signupId: number, token: string) =>
    t.api.events.signups[':id'].$get({ param: id(signupId), query: { token } });
  /** The resident cancels their own sign-up with its token. */
  const cancelMine = (signup: { id: number; token: string }) =>
    t.api.events.signups[':id'].cancel.$post({ param: id(signup.id), json: { token: signup.token } });
  /** The public event page. */
  const event = (eventId: number) => t.api.events[':id'].$get({ param: id(eventId) });
  const statusOf = async (id: number) =>
    (await t.db.select({ status: eventSignups.status }).from(eventSignups).where(eq(eventSignups.id, id)))[0]?.status;
  const audits = async (action: string) =>
    t.db.select().from(auditLog).where(eq(auditLog.action, action)).orderBy(asc(auditLog.id));

  return Object.assign(e, {
    t,
    headers,
    as,
    ok,
    list,
    createRes,
    get,
    edit,
    cancel,
    summary,
    door,
    checkIn,
    cancelFor,
    create,
    view,
    signUp,
    signUpOk,
    nextPhone,
    mine,
    cancelMine,
    event,
    statusOf,
    audits,
  });
}
export type EventsApp = Awaited<ReturnType<typeof eventsApp>>;
