import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { messageOptins, messageOutbox, staff as staffTable } from '../../schema/index.ts';
import { changeTicket } from '../desk/change.ts';
import { type DeskApp, deskApp, START } from '../desk/test-helpers.ts';
import { loadTicket } from '../desk/views.ts';
import { ApiError } from '../lib/errors.ts';
import { stopToken } from './outbox.ts';
import { messageSettingsOf } from './settings.ts';
import { outboxOfTicket } from './test-helpers.ts';

let d: DeskApp;
beforeAll(async () => {
  d = await deskApp();
});
afterAll(() => d.t.cleanup());

const optedIn = () => d.fileOk({ notifySms: true });

describe('the outbox, written in the batch of the change it reports', () => {
  it('a status change by staff, with an opt-in, gives exactly one message; the filing itself none', async () => {
    const { number } = await optedIn();
    expect(await outboxOfTicket(d.t.db, number)).toEqual([]);
    await d.actOk('erqi-admin', number, { action: 'accept' });
    const rows = await outboxOfTicket(d.t.db, number);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ kind: 'ticket_status', status: 'pending', attempts: 0, urgent: false });
    expect(rows[0]!.params).toEqual({ number, status: 'accepted' });
  });

  it('without an opt-in, a change gives no message', async () => {
    const { number, token } = await d.fileOk();
    await d.actOk('erqi-admin', number, { action: 'accept' });
    expect(await outboxOfTicket(d.t.db, number)).toEqual([]);
    expect(JSON.stringify(await d.t.db.select().from(messageOutbox))).not.toContain(token);
  });

  it('an internal note gives none; a public reply gives a staff_reply', async () => {
    const { number } = await optedIn();
    await d.actOk('erqi-admin', number, { action: 'note', visibility: 'internal', body: '内部：先联系物业' });
    expect(await outboxOfTicket(d.t.db, number)).toEqual([]);
    await d.actOk('erqi-admin', number, { action: 'note', visibility: 'public', body: '已联系物业，明天上门。' });
    expect((await outboxOfTicket(d.t.db, number)).map((m) => m.kind)).toEqual(['staff_reply']);
  });

  it('a change whose batch is refused (stale version) gives none', async () => {
    const { number } = await optedIn();
    const first = (await loadTicket(d.t.db, number))!;
    const second = (await loadTicket(d.t.db, number))!;
    const entry = { kind: 'accepted', visibility: 'public', actor: 'staff' } as const;
    await changeTicket(d.t.db, first.ticket, { action: 'accept', version: 1, now: START, entry });
    // The loser reads version 1 too and changes the status later: its lock turns it away.
    const lost = changeTicket(d.t.db, second.ticket, { action: 'reject', version: 1, now: START + 1, entry });
    await expect(lost).rejects.toBeInstanceOf(ApiError);
    const rows = await outboxOfTicket(d.t.db, number);
    expect(rows.map((m) => m.params.status)).toEqual(['accepted']);
  });

  it('parallel identical changes give one message', async () => {
    const { number } = await optedIn();
    const version = (await d.view(number)).version;
    const results = await Promise.all(
      Array.from({ length: 6 }, () => d.act('erqi-admin', number, { action: 'accept', version })),
    );
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
    expect(await outboxOfTicket(d.t.db, number)).toHaveLength(1);
  });

  it("the resident's own change (confirming the result) sends them nothing", async () => {
    const { number, token } = await optedIn();
    await d.actOk('erqi-admin', number, { action: 'accept' });
    await d.actOk('erqi-admin', number, { action: 'resolve', note: '灯已修好。' });
    const res = await d.t.post(`/api/tickets/${number}/confirm`, { token });
    expect(res.status).toBe(200);
    expect((await outboxOfTicket(d.t.db, number)).map((m) => m.params.status)).toEqual(['accepted', 'resolved']);
  });
});

describe('stopping', () => {
  it('the stop link stops further messages, drops waiting ones, and may be used twice', async () => {
    const { number } = await optedIn();
    await d.actOk('erqi-admin', number, { action: 'accept' });
    const [optin] = await d.t.db
      .select()
      .from(messageOptins)
      .where(eq(messageOptins.id, (await outboxOfTicket(d.t.db, number))[0]!.optinId));
    const token = await stopToken(messageSettingsOf(d.t.platform).stopSecret, optin!.stopNonce);
    for (let i = 0; i < 2; i++) {
      const res = await d.t.post('/api/messages/stop', { token });
      expect(res.status).toBe(200);
    }
    await d.actOk('erqi-admin', number, { action: 'start' });
    expect((await outboxOfTicket(d.t.db, number)).map((m) => m.status)).toEqual(['dropped']);
  });

  it('the tracking token stops them too; a wrong one is a 404, a malformed one a 400 naming the field', async () => {
    const { number, token } = await optedIn();
    expect((await d.t.post('/api/messages/stop/ticket', { number, token: 'x'.repeat(43) })).status).toBe(404);
    expect((await d.t.post('/api/messages/stop/ticket', { number, token })).status).toBe(200);
    await d.actOk('erqi-admin', number, { action: 'accept' });
    expect(await outboxOfTicket(d.t.db, number)).toEqual([]);
    const bad = await d.t.post('/api/messages/stop', { token: 'short' });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { fields: Record<string, string> } }).error.fields).toHaveProperty('token');
    expect((await d.t.post('/api/messages/stop', { token: 'A'.repeat(22) })).status).toBe(404);
  });
});

describe('who sees the outbox', () => {
  it('the district admin reads it with masked phones; a community member gets a 403', async () => {
    const { number } = await optedIn();
    await d.actOk('erqi-admin', number, { action: 'accept' });
    const res = await d.t.app.request('/api/messages/outbox', await d.as('erqi-admin'));
    expect(res.status).toBe(200);
    const body = (await res.json()) as { channel: null; messages: { phone: string; text: string }[] };
    expect(body.channel).toBeNull();
    expect(body.messages[0]!.phone).toBe('138****0001');
    expect(body.messages[0]!.text).toContain(number);
    expect(JSON.stringify(body)).not.toContain('13800000001');
    const denied = await d.t.app.request('/api/messages/outbox', await d.as('yongan'));
    expect(denied.status).toBe(403);
    const anon = await d.t.app.request('/api/messages/outbox');
    expect(anon.status).toBe(401);
    const [admin] = await d.t.db.select().from(staffTable).where(eq(staffTable.login, 'erqi-admin'));
    expect(admin).toBeDefined();
  });
});

describe('housekeeping', () => {
  it('forgets the phone of a stopped opt-in, and of a closed ticket a week on, keeping the record', async () => {
    const { number, token } = await optedIn();
    await d.actOk('erqi-admin', number, { action: 'accept' });
    await d.t.db.update(messageOutbox).set({ status: 'sent' });
    await d.t.post('/api/messages/stop/ticket', { number, token });
    const other = await optedIn();
    await d.actOk('erqi-admin', other.number, { action: 'reject', reason: '不属于本社区。' });
    await d.t.db.update(messageOutbox).set({ status: 'sent' });
    const { runHousekeeping } = await import('../desk/housekeeping.ts');
    const soon = await runHousekeeping(d.t.db, d.t.platform.photos, START + 1000);
    expect(soon.optinPhonesForgotten).toBeGreaterThanOrEqual(1);
    const phones = async (n: string) => {
      const [row] = await outboxOfTicket(d.t.db, n);
      const [o] = await d.t.db.select().from(messageOptins).where(eq(messageOptins.id, row!.optinId));
      return o!.phone;
    };
    expect(await phones(number)).toBe('');
    expect(await phones(other.number)).toBe('13800000001');
    await runHousekeeping(d.t.db, d.t.platform.photos, START + 8 * 24 * 3600_000);
    expect(await phones(other.number)).toBe('');
  });
});
