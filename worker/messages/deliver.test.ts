import { eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { messageOutbox } from '../../schema/index.ts';
import type { Db } from '../lib/platform.ts';
import { freshDatabase } from '../node/test-database.ts';
import { rpcSignature } from './channels/aliyun-sms.ts';
import { backoffMs, deliverMessages } from './deliver.ts';
import { optinInsert, outboxInsert } from './outbox.ts';
import { channelFor, parseMessageSettings } from './settings.ts';
import { aliyunStandIn, expectedAliyunSignature } from './stand-ins.ts';

const SECRET = 'stand-in-secret';
/** 10:00 in Zhengzhou, outside quiet hours. */
const DAY = Date.parse('2026-12-02T10:00:00+08:00');

let database: Awaited<ReturnType<typeof freshDatabase>>;
let db: Db;
let aliyun: Awaited<ReturnType<typeof aliyunStandIn>>;
let subject = 1000;

const settings = () =>
  parseMessageSettings(
    {
      ALIYUN_SMS_ACCESS_KEY_ID: 'test-key-id',
      ALIYUN_SMS_ACCESS_KEY_SECRET: SECRET,
      ALIYUN_SMS_SIGN_NAME: '邻里',
      ALIYUN_SMS_TEMPLATES: JSON.stringify({ ticket_status: 'SMS_100001', event_cancelled: 'SMS_100002' }),
      ALIYUN_SMS_ENDPOINT: aliyun.url,
    },
    'pepper',
    'https://linli.example',
  );

/** One resident who opted in and one message for them, due at `at`. */
async function queue(at: number, opts: { urgent?: boolean; phone?: string } = {}) {
  const id = ++subject;
  await db.batch([
    ...(await optinInsert(db, 'pepper', 'ticket', id, opts.phone ?? '13800000001', at)),
    outboxInsert(db, {
      subjectKind: 'ticket',
      subjectId: id,
      kind: opts.urgent ? 'event_cancelled' : 'ticket_status',
      params: { number: `YA-20261202-${id}`, status: 'accepted', title: '小板凳课堂', time: '12月2日 15:00' },
      urgent: opts.urgent,
      dedupe: `test:${id}`,
      now: at,
    }),
  ]);
  const [row] = await db
    .select()
    .from(messageOutbox)
    .where(like(messageOutbox.dedupeKey, `test:${id}:%`));
  return row!;
}
const rowOf = async (id: number) => (await db.select().from(messageOutbox).where(eq(messageOutbox.id, id)))[0]!;

beforeAll(async () => {
  database = await freshDatabase();
  db = database.db;
  aliyun = await aliyunStandIn(SECRET);
});
afterAll(async () => {
  await aliyun.close();
  database.cleanup();
});
beforeEach(async () => {
  // Earlier tests' messages are done with: each test sees only its own.
  await db.update(messageOutbox).set({ status: 'sent' }).where(eq(messageOutbox.status, 'pending'));
  aliyun.reply(() => ({ status: 200, body: { Code: 'OK', BizId: 'biz-1' } }));
  aliyun.received.length = 0;
});

describe("Alibaba Cloud's RPC signature", () => {
  it('matches the worked example in the SMS documentation (HTTP协议及签名: testId / testSecret)', async () => {
    const example = {
      AccessKeyId: 'testId',
      Action: 'SendSms',
      Format: 'XML',
      OutId: '123',
      PhoneNumbers: '15300000001',
      RegionId: 'cn-hangzhou',
      SignName: '阿里云短信测试专用',
      SignatureMethod: 'HMAC-SHA1',
      SignatureNonce: '45e25e9b-0a6f-4070-8c85-2956eda1b466',
      SignatureVersion: '1.0',
      TemplateCode: 'SMS_71390007',
      TemplateParam: '{"customer":"test"}',
      Timestamp: '2017-07-12T02:42:19Z',
      Version: '2017-05-25',
    };
    expect(await rpcSignature('GET', example, 'testSecret')).toBe('zJDF+Lrzhj/ThnlvIToysFRq6t4=');
    // And the stand-in's own node:crypto version agrees, so it can judge the app's POSTs.
    expect(expectedAliyunSignature('GET', example, 'testSecret')).toBe('zJDF+Lrzhj/ThnlvIToysFRq6t4=');
    const tricky = { ...example, TemplateParam: `{"a":"*~ !'()"}` };
    expect(await rpcSignature('POST', tricky, 's')).toBe(expectedAliyunSignature('POST', tricky, 's'));
  });
});

describe('delivery through the Aliyun stand-in', () => {
  it('sends a due message once, signed, with the template, sign name, params and stop link', async () => {
    const m = await queue(DAY);
    const report = await deliverMessages(db, channelFor(settings()), settings(), DAY);
    expect(report).toMatchObject({ sent: 1, failed: 0 });
    expect(aliyun.rejected()).toBe(0);
    expect(aliyun.received).toHaveLength(1);
    const sent = aliyun.received[0]!;
    expect(sent).toMatchObject({
      Action: 'SendSms',
      TemplateCode: 'SMS_100001',
      SignName: '邻里',
      OutId: String(m.id),
    });
    expect(sent.PhoneNumbers).toBe('13800000001');
    expect(JSON.parse(sent.TemplateParam!).stop).toMatch(/^https:\/\/linli\.example\/m\/stop\/[A-Za-z0-9_-]{22}$/);
    expect(await rowOf(m.id)).toMatchObject({ status: 'sent', attempts: 1, providerRef: 'biz-1', sentAt: DAY });
    // A second run has nothing to do.
    expect((await deliverMessages(db, channelFor(settings()), settings(), DAY + 1000)).sent).toBe(0);
  });

  it('retries throttling and 5xx with growing backoff, then fails after the last attempt', async () => {
    const m = await queue(DAY);
    const s = { ...settings(), maxAttempts: 4 };
    let n = 0;
    aliyun.reply(() =>
      n++ % 2 ? { status: 500, body: {} } : { status: 200, body: { Code: 'isv.BUSINESS_LIMIT_CONTROL' } },
    );
    let now = DAY;
    const waits: number[] = [];
    for (let i = 0; i < 4; i++) {
      await deliverMessages(db, channelFor(s), s, now);
      const row = await rowOf(m.id);
      if (row.status === 'pending') {
        waits.push(row.nextAttemptAt - now);
        now = row.nextAttemptAt;
      }
    }
    expect(waits).toHaveLength(3);
    expect(waits[1]!).toBeGreaterThan(waits[0]!);
    expect(waits[2]!).toBeGreaterThan(waits[1]!);
    expect(await rowOf(m.id)).toMatchObject({ status: 'failed', attempts: 4 });
    expect((await rowOf(m.id)).lastError).toMatch(/^aliyun: /);
    expect(aliyun.received).toHaveLength(4);
  });

  it('fails a permanent error (an invalid number) at once', async () => {
    const m = await queue(DAY, { phone: '13800000002' });
    aliyun.reply(() => ({ status: 200, body: { Code: 'isv.MOBILE_NUMBER_ILLEGAL' } }));
    await deliverMessages(db, channelFor(settings()), settings(), DAY);
    const row = await rowOf(m.id);
    expect(row).toMatchObject({ status: 'failed', attempts: 1, lastError: 'aliyun: isv.MOBILE_NUMBER_ILLEGAL' });
    expect(row.lastError).not.toContain('13800000002');
  });

  it('holds a message that is not urgent until 08:00 in quiet hours, and lets an urgent one through', async () => {
    const night = Date.parse('2026-12-02T22:30:00+08:00');
    const normal = await queue(night);
    const urgent = await queue(night, { urgent: true });
    await deliverMessages(db, channelFor(settings()), settings(), night);
    expect(await rowOf(urgent.id)).toMatchObject({ status: 'sent' });
    expect(await rowOf(normal.id)).toMatchObject({
      status: 'pending',
      nextAttemptAt: Date.parse('2026-12-03T08:00:00+08:00'),
    });
    await deliverMessages(db, channelFor(settings()), settings(), Date.parse('2026-12-03T07:59:00+08:00'));
    expect((await rowOf(normal.id)).status).toBe('pending');
    await deliverMessages(db, channelFor(settings()), settings(), Date.parse('2026-12-03T08:00:00+08:00'));
    expect((await rowOf(normal.id)).status).toBe('sent');
    expect(aliyun.received.map((p) => p.OutId)).toEqual([String(urgent.id), String(normal.id)]);
  });

  it('two runners in parallel send each message once', async () => {
    const ids = [];
    for (let i = 0; i < 12; i++) ids.push((await queue(DAY)).id);
    await Promise.all([
      deliverMessages(db, channelFor(settings()), settings(), DAY),
      deliverMessages(db, channelFor(settings()), settings(), DAY),
      deliverMessages(db, channelFor(settings()), settings(), DAY),
    ]);
    expect(aliyun.received.map((p) => Number(p.OutId)).sort((a, b) => a - b)).toEqual(ids);
    for (const id of ids) expect((await rowOf(id)).status).toBe('sent');
  });

  it('a message whose runner died while sending becomes uncertain and is never sent again on its own', async () => {
    const m = await queue(DAY);
    await db
      .update(messageOutbox)
      .set({ status: 'sending', claimedUntil: DAY + 1000, attempts: 1 })
      .where(eq(messageOutbox.id, m.id));
    expect((await deliverMessages(db, channelFor(settings()), settings(), DAY)).uncertain).toBe(0);
    expect((await deliverMessages(db, channelFor(settings()), settings(), DAY + 2000)).uncertain).toBe(1);
    await deliverMessages(db, channelFor(settings()), settings(), DAY + 3_600_000);
    expect(await rowOf(m.id)).toMatchObject({ status: 'uncertain', attempts: 1 });
    expect(aliyun.received).toHaveLength(0);
  });

  it('with no channel configured, keeps messages in the outbox as held', async () => {
    const m = await queue(DAY);
    const none = parseMessageSettings({}, 'pepper');
    expect(await deliverMessages(db, channelFor(none), none, DAY)).toMatchObject({ held: 1 });
    expect(await rowOf(m.id)).toMatchObject({ status: 'held', attempts: 0 });
    expect(aliyun.received).toHaveLength(0);
  });
});

describe('backoff', () => {
  it('doubles from 30 s with ±20 % jitter, capped at 6 hours', () => {
    expect(backoffMs(1, () => 0.5)).toBe(30_000);
    expect(backoffMs(2, () => 0.5)).toBe(60_000);
    expect(backoffMs(3, () => 0)).toBe(96_000);
    expect(backoffMs(40, () => 1)).toBe(6 * 3600_000 * 1.2);
  });
});

describe('settings', () => {
  it('refuse half a configuration, naming the variable', () => {
    expect(() => parseMessageSettings({ ALIYUN_SMS_ACCESS_KEY_ID: 'x' }, 'p')).toThrow(/ALIYUN_SMS_ACCESS_KEY_SECRET/);
    expect(() => parseMessageSettings({ MESSAGE_WEBHOOK_URL: 'http://x' }, 'p')).toThrow(/MESSAGE_WEBHOOK_SECRET/);
    expect(() => parseMessageSettings({ MESSAGE_QUIET_HOURS: '25-8' }, 'p')).toThrow(/MESSAGE_QUIET_HOURS/);
    expect(() =>
      parseMessageSettings(
        { ALIYUN_SMS_ACCESS_KEY_ID: 'x', ALIYUN_SMS_ACCESS_KEY_SECRET: 'y', ALIYUN_SMS_TEMPLATES: '{' },
        'p',
      ),
    ).toThrow(/ALIYUN_SMS_TEMPLATES/);
    expect(parseMessageSettings({ MESSAGE_QUIET_HOURS: 'off' }, 'p').quietHours).toBeNull();
    expect(parseMessageSettings({}, 'p').quietHours).toEqual({ from: 21, to: 8 });
  });
});
