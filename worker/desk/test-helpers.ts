import { asc, eq } from 'drizzle-orm';
import type { hc, InferRequestType } from 'hono/client';
import { auditLog, tickets, timelineEntries } from '../../schema/index.ts';
import type { AppType } from '../app.ts';
import type { Platform } from '../lib/platform.ts';
import { testApp } from '../test-helpers.ts';

/** The tests' "now": 2026-11-26 10:00 in Zhengzhou. The demo tickets are filed relative to it. */
export const START = Date.UTC(2026, 10, 26, 2);
export const HOUR_MS = 60 * 60 * 1000;

/**
 * The end of the `n`th working day after START (a Thursday), counted here by hand: no public
 * holiday or make-up day falls between 26 November and the end of December 2026, so only the
 * weekends are skipped.
 * @example workingDaysAfterStart(3) // end of Tuesday 1 December 2026, Zhengzhou time
 */
export function workingDaysAfterStart(n: number): number {
  const day = new Date(Date.UTC(2026, 10, 26));
  for (let left = n; left > 0; ) {
    day.setUTCDate(day.getUTCDate() + 1);
    if (day.getUTCDay() !== 0 && day.getUTCDay() !== 6) left--;
  }
  return Date.parse(`${day.toISOString().slice(0, 10)}T23:59:59+08:00`);
}

/** A resident's ticket that passes validation: a repair (property) in Yong'an Homes. */
export const aTicket = {
  community: 'yongan',
  compound: 'yongan-jiayuan',
  category: 'repairs',
  description: '2号楼电梯坏了三天，老人上不了楼。',
  location: '2号楼1单元',
  name: '张阿姨',
  phone: '13800000001',
  consent: true,
};

/** A real 16×16 JPEG (543 bytes). */
export const plainJpeg = Buffer.from(
  '/9j/4AAQSkZJRgABAQEAAQABAAD/2wBDAAMCAgICAgMCAgIDAwMDBAYEBAQEBAgGBgUGCQgKCgkICQkKDA8MCgsOCwkJDRENDg8QEBEQCgwSExIQEw8QEBD/2wBDAQMDAwQDBAgEBAgQCwkLEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBD/wAARCAAQABADASIAAhEBAxEB/8QAFgABAQEAAAAAAAAAAAAAAAAABwQF/8QAJBAAAQQBBAICAwAAAAAAAAAAAQIDBAYFBwgSExEiABQJMTL/xAAVAQEBAAAAAAAAAAAAAAAAAAAABv/EACMRAAECBQMFAAAAAAAAAAAAAAECEQMEBQYhABIxFRZhgeH/2gAMAwEAAhEDEQA/ABSm0mobc8HmExLUlRzzEWPkJWW+ulrsaUVAseUgslSlH9LKuPryIKuWPZdskzXmm3fX5m2nF4GlVxx/HOpx4ks51+MiU/Iaad7UcUo4tILoS4kqcWkezS0hO/HvuRp0rO6hWnWO1UisZVuFi4GFeyEpmGepa5S5SWVPuciFKRFLgSrwetnyPIB+Vb4N9mKhQMzo5po9XLdDs9d6ZVix2VEhiL9kuNPxw2gEKcDQ/rs8AuA8VAe0vdl7VOYn+27flGAUgmITjbhSmCg3BYlyeWDkMolvw4KOp1KM6iCNvngZHwetf//Z',
  'base64',
);

type Api = ReturnType<typeof hc<AppType>>;

/** Uploads a photo as the web app does: the raw bytes as the body, through the typed client. */
export const upload = (api: Api, body: Uint8Array | string, type = 'image/jpeg') =>
  api.photos.$post(undefined, { init: { body: body as BodyInit, headers: { 'Content-Type': type } } });
/**
 * What a resident files and what staff do, as the typed client takes them. Tests also send
 * bodies the validators must refuse, so the helpers take any fields and name them as these.
 */
type TicketInput = InferRequestType<Api['tickets']['$post']>['json'];
type ActionInput = InferRequestType<Api['desk']['tickets'][':number']['actions']['$post']>['json'];
type StaffTicketInput = InferRequestType<Api['desk']['tickets']['$post']>['json'];
type QueueQuery = InferRequestType<Api['desk']['tickets']['$get']>['query'];

/**
 * The desk's test app: a fresh demo database, a clock the test moves (`d.clock`), resident
 * filing and tracking, and staff calls by login (signed in again whenever the clock moved on).
 * @example const d = await deskApp(); const { number } = await d.file(); await d.act('yongan', number, { action: 'accept' })
 */
export async function deskApp(overrides: Partial<Platform> = {}) {
  const d = {
    clock: START,
    address: '203.0.113.7',
  };
  const t = await testApp({ now: () => d.clock, clientAddress: () => d.address, ...overrides });
  const sessions = new Map<string, { token: string; at: number }>();

  async function headers(login: string) {
    const cached = sessions.get(login);
    // Sessions end after 12 idle hours: sign in again once the clock has moved on a lot.
    if (cached && d.clock >= cached.at && d.clock - cached.at < 6 * HOUR_MS) return t.bearer(cached.token);
    const token = await t.signIn(login);
    sessions.set(login, { token, at: d.clock });
    return t.bearer(token);
  }

  const file = (body: Record<string, unknown> = {}, extra: Record<string, string> = {}) =>
    t.api.tickets.$post({ json: { ...aTicket, ...body } as TicketInput }, { headers: extra });

  async function fileOk(body: Record<string, unknown> = {}) {
    const res = await file(body);
    if (res.status !== 201) throw new Error(`filing failed: ${res.status} ${await res.text()}`);
    return res.json();
  }

  const track = (number: string, token: string) =>
    t.api.tickets[':number'].$get({ param: { number }, query: { token } });
  /** The client's options for a staff call as `login`. */
  const as = async (login: string) => ({ headers: await headers(login) });
  /** The desk's view of one ticket, as the answer. */
  const read = async (login: string, number: string) =>
    t.api.desk.tickets[':number'].$get({ param: { number } }, await as(login));
  /** The desk queue; `query` as the web app sends it. */
  const queue = async (login: string, query: QueueQuery = {}) => t.api.desk.tickets.$get({ query }, await as(login));
  /** Staff file a ticket for a walk-in or phone caller. */
  const fileFor = async (login: string, body: Record<string, unknown>) =>
    t.api.desk.tickets.$post({ json: body as StaffTicketInput }, await as(login));

  async function view(number: string, login = 'erqi-admin') {
    const res = await read(login, number);
    if (res.status !== 200) throw new Error(`desk view failed: ${res.status} ${await res.text()}`);
    return (await res.json()).ticket;
  }

  /** A staff action; without `version` in the body it names the ticket's current one. */
  async function act(login: string, number: string, action: Record<string, unknown>) {
    const version = 'version' in action || action.action === 'note' ? {} : { version: (await view(number)).version };
    return t.api.desk.tickets[':number'].actions.$post(
      { param: { number }, json: { ...version, ...action } as ActionInput },
      { headers: await headers(login) },
    );
  }

  async function actOk(login: string, number: string, action: Record<string, unknown>) {
    const res = await act(login, number, action);
    if (res.status !== 200) throw new Error(`${String(action.action)} failed: ${res.status} ${await res.text()}`);
    return (await res.json()).ticket;
  }

  /** A staff action on one part of a joint ticket, naming the part's current version. */
  async function partAct(login: string, number: string, partId: number, body: Record<string, unknown>) {
    const version = (await view(number)).parts.find((p) => p.id === partId)?.version;
    return t.api.desk.tickets[':number'].parts[':partId'].actions.$post(
      { param: { number, partId: String(partId) }, json: { version, ...body } as never },
      await as(login),
    );
  }

  async function partOk(login: string, number: string, partId: number, body: Record<string, unknown>) {
    const res = await partAct(login, number, partId, body);
    if (res.status !== 200) throw new Error(`${String(body.action)} failed: ${res.status} ${await res.text()}`);
    return (await res.json()).ticket;
  }

  /** Every timeline entry of a ticket, straight from the database. */
  async function entries(number: string) {
    const [row] = await t.db.select({ id: tickets.id }).from(tickets).where(eq(tickets.number, number));
    return t.db
      .select()
      .from(timelineEntries)
      .where(eq(timelineEntries.ticketId, row!.id))
      .orderBy(asc(timelineEntries.id));
  }

  const auditCount = async (action: string) =>
    (await t.db.select().from(auditLog).where(eq(auditLog.action, action))).length;

  return Object.assign(d, {
    t,
    headers,
    as,
    file,
    fileOk,
    track,
    read,
    queue,
    fileFor,
    view,
    act,
    actOk,
    partAct,
    partOk,
    entries,
    auditCount,
  });
}
export type DeskApp = Awaited<ReturnType<typeof deskApp>>;
