/**
 * The requests whose database round trips bench/roundtrips.ts counts and times: every resident
 * endpoint (reads and writes) and a representative staff write of each feature, on the demo data.
 * A case prepares its own call (filing the ticket it will act on, reading the version it must
 * send) so it can be sent again and again; preparation goes through the Worker but is not counted.
 */
import { anEvent } from '../worker/events/test-helpers.ts';
import type { Rig } from './roundtrips.ts';

export type Call = { method: string; path: string; body?: unknown; staff?: string; headers?: Record<string, string> };
export type CaseKind = 'resident read' | 'resident write' | 'staff write';
export type Case = { name: string; kind: CaseKind; route: string; prepare(rig: Rig, sample: number): Promise<Call> };

type Json = Record<string, unknown>;
const day = 24 * 60 * 60 * 1000;
/** An ISO time `days` from now at 09:30 Zhengzhou time, for events that must lie ahead. */
const ahead = (days: number, hour = 9) =>
  new Date(
    Date.parse(
      `${new Date(Date.now() + days * day).toISOString().slice(0, 10)}T${String(hour).padStart(2, '0')}:30:00+08:00`,
    ),
  ).toISOString();
const phone = (sample: number) => `139${String(10_000_000 + sample * 7919).slice(-8)}`;

async function ok(rig: Rig, call: Call): Promise<Json> {
  const res = await rig.send(call);
  if (res.status >= 300) throw new Error(`${call.method} ${call.path}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as Json;
}
const get = (path: string, staff?: string): Call => ({ method: 'GET', path, staff });
const read = (name: string, route: string, path: string | ((rig: Rig, sample: number) => Promise<string>)): Case => ({
  name,
  kind: 'resident read',
  route,
  prepare: async (rig, sample) => get(typeof path === 'string' ? path : await path(rig, sample)),
});

const aTicket = (sample: number) => ({
  community: 'yongan',
  compound: 'yongan-jiayuan',
  category: 'repairs',
  description: `2号楼电梯坏了三天，老人上不了楼。（${sample}）`,
  location: '2号楼1单元',
  name: '张阿姨',
  phone: phone(sample),
  consent: true,
});
const fileTicket = async (rig: Rig, sample: number) =>
  (await ok(rig, { method: 'POST', path: '/api/tickets', body: aTicket(sample) })) as { number: string; token: string };
const ticketVersion = async (rig: Rig, number: string, staff: string) =>
  ((await ok(rig, get(`/api/desk/tickets/${number}`, staff))).ticket as { version: number }).version;
const act = async (rig: Rig, number: string, staff: string, action: Json) =>
  ok(rig, {
    method: 'POST',
    path: `/api/desk/tickets/${number}/actions`,
    staff,
    body: { version: await ticketVersion(rig, number, staff), ...action },
  });

const firstId = async (rig: Rig, path: string, list: string) =>
  ((await ok(rig, get(path))) as Record<string, { id: number }[]>)[list]![0]!.id;
const stool = async (rig: Rig) => {
  const { events } = (await ok(rig, get('/api/events?community=jieyunlu'))) as {
    events: { id: number; title: string }[];
  };
  return events.find((e) => e.title === '小板凳课堂')!.id;
};
const signUp = async (rig: Rig, sample: number) =>
  (await ok(rig, {
    method: 'POST',
    path: `/api/events/${await stool(rig)}/signups`,
    body: { name: '李大爷', phone: phone(sample), seats: 1 },
  })) as { id: number; token: string };
const aVisit = (sample: number) => ({
  community: 'gongrenlu',
  service: 'sscard-replace',
  forWhom: { relation: 'family', name: '王建国', addressAs: '王大爷' },
  address: { building: '5号楼', unit: '1单元', room: '302' },
  phone: phone(sample),
  reason: { kind: 'mobility', note: '中风后卧床' },
  preferredTimes: '周末上午',
  name: '王小红',
  consent: true,
});
const consultation = async (rig: Rig) => firstId(rig, '/api/renovation/projects?community=jieyunlu', 'projects');
const aWish = (sample: number) => ({
  kind: 'wish',
  description: `小区门口加一个无障碍坡道，轮椅能进出。（${sample}）`,
  location: '1号楼1单元',
  name: '王奶奶',
  phone: phone(sample),
  consent: true,
});
const fileWish = async (rig: Rig, sample: number) =>
  (await ok(rig, {
    method: 'POST',
    path: `/api/renovation/projects/${await consultation(rig)}/wishes`,
    body: aWish(sample),
  })) as { number: string; token: string };
const boardTicket = async (rig: Rig) =>
  ((await ok(rig, get('/api/board?community=yongan'))) as { tickets: { number: string }[] }).tickets[0]!.number;

const residentReads: Case[] = [
  read('health', '/api/health', '/api/health'),
  read('places', '/api/places', '/api/places'),
  read('news list', '/api/news', '/api/news?community=jieyunlu'),
  read('news search', '/api/news?q', `/api/news?district=1&q=${encodeURIComponent('小板凳')}`),
  read(
    'article',
    '/api/news/:id',
    async (rig) => `/api/news/${await firstId(rig, '/api/news?community=jieyunlu', 'articles')}`,
  ),
  read('events list', '/api/events', '/api/events?community=jieyunlu'),
  read('event', '/api/events/:id', async (rig) => `/api/events/${await stool(rig)}`),
  read('event .ics', '/api/events/:id/calendar.ics', async (rig) => `/api/events/${await stool(rig)}/calendar.ics`),
  read('sign-up page', '/api/events/signups/:id', async (rig, sample) => {
    const s = await signUp(rig, 3000 + sample);
    return `/api/events/signups/${s.id}?token=${s.token}`;
  }),
  read('board', '/api/board', '/api/board?community=yongan'),
  read('board figures', '/api/board/figures', '/api/board/figures?community=yongan'),
  read('ticket categories', '/api/tickets/categories', '/api/tickets/categories?community=yongan'),
  read('ticket tracking', '/api/tickets/:number', async (rig, sample) => {
    const t = await fileTicket(rig, 3000 + sample);
    return `/api/tickets/${t.number}?token=${t.token}`;
  }),
  read('home-visit services', '/api/home-visits/services', '/api/home-visits/services?community=gongrenlu'),
  read('home-visit tracking', '/api/home-visits/:number', async (rig, sample) => {
    const v = (await ok(rig, { method: 'POST', path: '/api/home-visits', body: aVisit(3000 + sample) })) as Json;
    return `/api/home-visits/${v.number}?token=${v.token}`;
  }),
  read('renovation projects', '/api/renovation/projects', '/api/renovation/projects?community=jieyunlu'),
  read(
    'renovation project',
    '/api/renovation/projects/:id',
    async (rig) => `/api/renovation/projects/${await consultation(rig)}`,
  ),
  read('wish tracking', '/api/renovation/wishes/:number', async (rig, sample) => {
    const w = await fileWish(rig, 3000 + sample);
    return `/api/renovation/wishes/${w.number}?token=${w.token}`;
  }),
  read('news feed', '/feeds/news.rss', '/feeds/news.rss?community=jieyunlu'),
  read('events feed', '/feeds/events.ics', '/feeds/events.ics?community=jieyunlu'),
  read('Open311 services', '/open311/v2/services.json', '/open311/v2/services.json?jurisdiction_id=yongan'),
  read('Open311 requests', '/open311/v2/requests.json', '/open311/v2/requests.json?jurisdiction_id=yongan'),
];

const residentWrites: Case[] = [
  {
    name: 'file a ticket',
    kind: 'resident write',
    route: '/api/tickets',
    prepare: async (_rig, sample) => ({
      method: 'POST',
      path: '/api/tickets',
      body: aTicket(sample),
      headers: { 'Idempotency-Key': `roundtrips-ticket-${sample}-${Date.now()}` },
    }),
  },
  {
    name: 'me too',
    kind: 'resident write',
    route: '/api/board/:number/me-too',
    prepare: async (rig, sample) => ({
      method: 'POST',
      path: `/api/board/${await boardTicket(rig)}/me-too`,
      headers: { 'CF-Connecting-IP': `198.51.100.${sample % 250}` },
    }),
  },
  {
    name: 'sign up for an event',
    kind: 'resident write',
    route: '/api/events/:id/signups',
    prepare: async (rig, sample) => ({
      method: 'POST',
      path: `/api/events/${await stool(rig)}/signups`,
      body: { name: '李大爷', phone: phone(sample), seats: 1 },
      headers: { 'Idempotency-Key': `roundtrips-signup-${sample}-${Date.now()}` },
    }),
  },
  {
    name: 'cancel a sign-up',
    kind: 'resident write',
    route: '/api/events/signups/:id/cancel',
    prepare: async (rig, sample) => {
      const s = await signUp(rig, 5000 + sample);
      return { method: 'POST', path: `/api/events/signups/${s.id}/cancel`, body: { token: s.token } };
    },
  },
  {
    name: 'request a home visit',
    kind: 'resident write',
    route: '/api/home-visits',
    prepare: async (_rig, sample) => ({ method: 'POST', path: '/api/home-visits', body: aVisit(sample) }),
  },
  {
    name: 'file a wish',
    kind: 'resident write',
    route: '/api/renovation/projects/:id/wishes',
    prepare: async (rig, sample) => ({
      method: 'POST',
      path: `/api/renovation/projects/${await consultation(rig)}/wishes`,
      body: aWish(sample),
    }),
  },
  {
    name: 'add information to a ticket',
    kind: 'resident write',
    route: '/api/tickets/:number/info',
    prepare: async (rig, sample) => {
      const t = await fileTicket(rig, 6000 + sample);
      return {
        method: 'POST',
        path: `/api/tickets/${t.number}/info`,
        body: { token: t.token, message: '门口有积水。' },
      };
    },
  },
  {
    name: 'rate a resolved ticket',
    kind: 'resident write',
    route: '/api/tickets/:number/rating',
    prepare: async (rig, sample) => {
      const t = await fileTicket(rig, 7000 + sample);
      await act(rig, t.number, 'yongan-wuye', { action: 'accept' });
      await act(rig, t.number, 'yongan-wuye', { action: 'resolve', note: '电梯已修好。' });
      return { method: 'POST', path: `/api/tickets/${t.number}/rating`, body: { token: t.token, score: 5 } };
    },
  },
];

const ticketAction = (name: string, action: Json, before: Json[] = []): Case => ({
  name,
  kind: 'staff write',
  route: `/api/desk/tickets/:number/actions (${action.action})`,
  prepare: async (rig, sample) => {
    const t = await fileTicket(rig, 8000 + sample);
    for (const step of before) await act(rig, t.number, 'yongan-wuye', step);
    const version = await ticketVersion(rig, t.number, 'yongan-wuye');
    return {
      method: 'POST',
      path: `/api/desk/tickets/${t.number}/actions`,
      staff: 'yongan-wuye',
      body: action.action === 'note' ? action : { version, ...action },
    };
  },
});

const staffWrites: Case[] = [
  ticketAction('accept a ticket', { action: 'accept' }),
  ticketAction('start work on a ticket', { action: 'start' }, [{ action: 'accept' }]),
  ticketAction('claim a ticket', { action: 'claim' }),
  ticketAction('reply on a ticket', { action: 'note', visibility: 'public', body: '已联系电梯维保。' }),
  {
    name: 'create an event',
    kind: 'staff write',
    route: '/api/organiser/events',
    prepare: async (_rig, sample) => ({
      method: 'POST',
      path: '/api/organiser/events',
      staff: 'jieyunlu',
      body: {
        ...anEvent,
        title: `${anEvent.title}（${sample}）`,
        startsAt: ahead(5),
        endsAt: ahead(5, 10),
        capacity: 30,
      },
    }),
  },
  {
    name: 'draft an article',
    kind: 'staff write',
    route: '/api/newsroom/articles',
    prepare: async (_rig, sample) => ({
      method: 'POST',
      path: '/api/newsroom/articles',
      staff: 'jieyunlu',
      body: { headline: `洁云路社区开展防诈骗讲座（${sample}）`, place: 'jieyunlu', body: '社区居民参加了讲座。' },
    }),
  },
  {
    name: 'publish an article',
    kind: 'staff write',
    route: '/api/newsroom/articles/:id/publish',
    prepare: async (rig, sample) => {
      const draft = await ok(rig, {
        method: 'POST',
        path: '/api/newsroom/articles',
        staff: 'jieyunlu',
        body: { headline: `洁云路社区小喇叭（${sample}）`, place: 'jieyunlu', body: '本周停水通知。' },
      });
      const article = (draft.article ?? draft) as { id: number; version: number };
      return {
        method: 'POST',
        path: `/api/newsroom/articles/${article.id}/publish`,
        staff: 'jieyunlu',
        body: { version: article.version },
      };
    },
  },
  {
    name: 'approve a home visit',
    kind: 'staff write',
    route: '/api/desk/home-visits/:number/actions (approve)',
    prepare: async (rig, sample) => {
      const v = (await ok(rig, { method: 'POST', path: '/api/home-visits', body: aVisit(9000 + sample) })) as Json;
      const seen = await ok(rig, get(`/api/desk/home-visits/${v.number}`, 'gongrenlu'));
      const version = ((seen.visit ?? seen) as { version: number }).version;
      return {
        method: 'POST',
        path: `/api/desk/home-visits/${v.number}/actions`,
        staff: 'gongrenlu',
        body: { action: 'approve', version, note: '符合条件' },
      };
    },
  },
  {
    name: 'answer a wish',
    kind: 'staff write',
    route: '/api/renovation/staff/wishes/:number/answer',
    prepare: async (rig, sample) => {
      const w = await fileWish(rig, 9500 + sample);
      const seen = await ok(rig, get(`/api/renovation/staff/wishes/${w.number}`, 'jieyunlu'));
      const version = ((seen.wish ?? seen) as { version: number }).version;
      return {
        method: 'POST',
        path: `/api/renovation/staff/wishes/${w.number}/answer`,
        staff: 'jieyunlu',
        body: { version, outcome: 'under_consideration', note: '已记录，将在居民议事会上讨论。' },
      };
    },
  },
  {
    name: 'file a ticket for a caller',
    kind: 'staff write',
    route: '/api/desk/tickets',
    prepare: async (_rig, sample) => {
      return {
        method: 'POST',
        path: '/api/desk/tickets',
        staff: 'yongan',
        body: { ...aTicket(9900 + sample), channel: 'phone' },
      };
    },
  },
];

export const roundTripCases: Case[] = [...residentReads, ...residentWrites, ...staffWrites];
