import { asc, eq } from 'drizzle-orm';
import { auditLog, eventSignups } from '../../schema/index.ts';
import type { Platform } from '../lib/platform.ts';
import { testApp } from '../test-helpers.ts';

/** The tests' "now": Thursday 2026-11-26, 10:00 in Zhengzhou. The demo events are scheduled from it. */
export const START = Date.UTC(2026, 10, 26, 2);
export const HOUR_MS = 60 * 60 * 1000;
export const DAY_MS = 24 * HOUR_MS;

/** An ISO time in Zhengzhou, `days` after the test's first day. */
export const shanghai = (days: number, time: string) => new Date(Date.parse(`2026-11-26T${time}:00+08:00`) + days * DAY_MS).toISOString();

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

export type StaffEventView = { id: number; version: number; status: string; seatsTaken: number; seatsLeft: number | null; waitlistCount: number; sequence: number; checkedInSeats: number; attendance: number | null };
export type SignupAnswer = { id: number; status: 'confirmed' | 'waitlisted'; token: string; phone: string; seats: number };

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
  const get = async (login: string | null, path: string) => t.app.request(path, { headers: login ? await headers(login) : {} });
  const post = async (login: string | null, path: string, body: unknown, extra: Record<string, string> = {}) => t.post(path, body, { ...(login ? await headers(login) : {}), ...extra });
  const patch = async (login: string, path: string, body: unknown) =>
    t.app.request(path, { method: 'PATCH', body: JSON.stringify(body), headers: { 'Content-Type': 'application/json', Origin: t.origin, ...(await headers(login)) } });

  async function ok<T>(res: Response | Promise<Response>, status = 200): Promise<T> {
    const r = await res;
    if (r.status !== status) throw new Error(`expected ${status}, got ${r.status}: ${await r.text()}`);
    return (await r.json()) as T;
  }

  /** Creates one event (or a series) as a staff member and returns its sessions. */
  const create = async (login = 'erqi-admin', body: Record<string, unknown> = {}) =>
    (await ok<{ events: StaffEventView[] }>(post(login, '/api/organiser/events', { ...anEvent, ...body }), 201)).events;
  const view = async (id: number, login = 'erqi-admin') => (await ok<{ event: StaffEventView }>(get(login, `/api/organiser/events/${id}`))).event;

  /** A distinct, valid mobile number per call, so sign-ups never collide by phone. */
  const nextPhone = () => `1380000${String(++phoneSeq).padStart(4, '0')}`;
  const signUp = (eventId: number, body: Record<string, unknown> = {}, extra: Record<string, string> = {}) =>
    post(null, `/api/events/${eventId}/signups`, { name: '王阿姨', phone: nextPhone(), seats: 1, ...body }, extra);
  const signUpOk = async (eventId: number, body: Record<string, unknown> = {}) => ok<SignupAnswer>(signUp(eventId, body), 201);
  const mine = (id: number, token: string) => t.app.request(`/api/events/signups/${id}?token=${token}`);
  const statusOf = async (id: number) => (await t.db.select({ status: eventSignups.status }).from(eventSignups).where(eq(eventSignups.id, id)))[0]?.status;
  const audits = async (action: string) => t.db.select().from(auditLog).where(eq(auditLog.action, action)).orderBy(asc(auditLog.id));

  return Object.assign(e, { t, headers, get, post, patch, ok, create, view, signUp, signUpOk, nextPhone, mine, statusOf, audits });
}
export type EventsApp = Awaited<ReturnType<typeof eventsApp>>;
