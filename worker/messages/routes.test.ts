import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, messageOutbox } from '../../schema/index.ts';
import { type DeskApp, deskApp } from '../desk/test-helpers.ts';
import { aVisit } from '../home-visits/test-helpers.ts';
import { aWish, JIEYUNLI } from '../renovation/test-helpers.ts';
import { outboxOfTicket } from './test-helpers.ts';

let d: DeskApp;
beforeAll(async () => {
  d = await deskApp();
});
afterAll(() => d.t.cleanup());

type Envelope = { error: { code: string; message: string; fields?: Record<string, string> } };
const hostile = [
  null,
  [],
  'token',
  {},
  { token: null },
  { token: 42 },
  { token: 'A'.repeat(5000) },
  { token: '../../etc/passwd' },
  { token: '\u0000'.repeat(22) },
  { token: 'A'.repeat(21) },
  { number: 'YA-1', token: 'x' },
  { number: 'YA-20261126-0001', token: 'A'.repeat(43), extra: { deep: [1, 2, 3] } },
];

describe('the messages endpoints against hostile input', () => {
  it('answer every bad body with a 4xx JSON envelope (fields named where a field is wrong), never a 500', async () => {
    for (const path of [
      '/api/messages/stop',
      '/api/messages/stop/ticket',
      '/api/messages/stop/visit',
      '/api/messages/stop/wish',
      '/api/messages/stop/signup',
    ]) {
      for (const body of hostile) {
        const res = await d.t.post(path, body);
        const label = `${path} ${JSON.stringify(body).slice(0, 40)}`;
        expect([label, res.status >= 400 && res.status < 500]).toEqual([label, true]);
        const envelope = (await res.json()) as Envelope;
        expect(typeof envelope.error.code).toBe('string');
        if (res.status === 400 && body && typeof body === 'object' && !Array.isArray(body) && 'token' in body)
          expect(Object.keys(envelope.error.fields ?? {}).length).toBeGreaterThan(0);
      }
      const broken = await d.t.app.request(path, {
        method: 'POST',
        body: '{"token":',
        headers: { 'Content-Type': 'application/json', Origin: d.t.origin },
      });
      expect(broken.status).toBe(400);
    }
  });

  it('the outbox takes only known statuses and sane pages; only the district admin reads or settles it', async () => {
    const admin = await d.as('erqi-admin');
    for (const q of ['status=nope', 'page=0', 'page=-1', 'page=abc', 'page=1e9', `status=${'x'.repeat(3000)}`]) {
      const res = await d.t.app.request(`/api/messages/outbox?${q}`, admin);
      expect([q, res.status]).toEqual([q, 400]);
      expect(Object.keys(((await res.json()) as Envelope).error.fields ?? {})).not.toHaveLength(0);
    }
    for (const login of [
      'yongan',
      'jianzhongjie',
      'yongan-wuye',
      'weihongmin',
      'boc-zhongyuan',
      'jieyunli-volunteer',
    ]) {
      const res = await d.t.app.request('/api/messages/outbox', await d.as(login));
      expect([login, res.status]).toEqual([login, 403]);
      const settle = await d.t.post('/api/messages/outbox/1/settle', { action: 'drop' }, (await d.as(login)).headers);
      expect([login, settle.status]).toEqual([login, 403]);
    }
    expect((await d.t.post('/api/messages/outbox/1/settle', { action: 'drop' })).status).toBe(401);
    for (const [id, body] of [
      ['abc', { action: 'drop' }],
      ['1', { action: 'explode' }],
      ['1', {}],
      ['99999999', { action: 'drop' }],
    ] as const) {
      const res = await d.t.post(`/api/messages/outbox/${id}/settle`, body, admin.headers);
      expect([id, res.status]).toEqual([id, id === '99999999' ? 404 : 400]);
    }
  });

  it('an uncertain message can be sent again or dropped once, with an audit entry; a sent one is a 409', async () => {
    const { number } = await d.fileOk({ notifySms: true });
    await d.actOk('erqi-admin', number, { action: 'accept' });
    await d.actOk('erqi-admin', number, { action: 'start' });
    const [a, b] = await outboxOfTicket(d.t.db, number);
    await d.t.db.update(messageOutbox).set({ status: 'uncertain' }).where(eq(messageOutbox.id, a!.id));
    await d.t.db.update(messageOutbox).set({ status: 'sent' }).where(eq(messageOutbox.id, b!.id));
    const admin = (await d.as('erqi-admin')).headers;
    expect((await d.t.post(`/api/messages/outbox/${a!.id}/settle`, { action: 'resend' }, admin)).status).toBe(200);
    expect((await outboxOfTicket(d.t.db, number))[0]).toMatchObject({ status: 'pending', attempts: 0 });
    const again = await d.t.post(`/api/messages/outbox/${a!.id}/settle`, { action: 'drop' }, admin);
    expect(again.status).toBe(409);
    expect(((await again.json()) as Envelope).error.code).toBe('message_settled');
    expect((await d.t.post(`/api/messages/outbox/${b!.id}/settle`, { action: 'drop' }, admin)).status).toBe(409);
    const audits = await d.t.db.select().from(auditLog).where(eq(auditLog.action, 'message.resend'));
    expect(audits.map((e) => e.objectId)).toEqual([String(a!.id)]);
  });
});

describe('stopping from the other tracking pages', () => {
  it('a home visit and a wish stop with their own tracking token; a wrong one is a 404', async () => {
    const visit = await d.t.post('/api/home-visits', { ...aVisit, notifySms: true });
    expect(visit.status).toBe(201);
    const v = (await visit.json()) as { number: string; token: string };
    expect((await d.t.post('/api/messages/stop/visit', { number: v.number, token: 'A'.repeat(43) })).status).toBe(404);
    const track = async () =>
      (
        (await (await d.t.app.request(`/api/home-visits/${v.number}?token=${v.token}`)).json()) as {
          smsActive: boolean;
        }
      ).smsActive;
    expect(await track()).toBe(true);
    expect((await d.t.post('/api/messages/stop/visit', v)).status).toBe(200);
    expect(await track()).toBe(false);

    const wish = await d.t.post(`/api/renovation/projects/${JIEYUNLI}/wishes`, { ...aWish, notifySms: true });
    expect(wish.status).toBe(201);
    const w = (await wish.json()) as { number: string; token: string };
    expect((await d.t.post('/api/messages/stop/wish', { number: w.number, token: 'B'.repeat(43) })).status).toBe(404);
    expect((await d.t.post('/api/messages/stop/wish', w)).status).toBe(200);
    expect((await d.t.post('/api/messages/stop/wish', w)).status).toBe(200);
  });
});
