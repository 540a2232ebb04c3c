import { createHmac } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { webhookReceiver } from '../stand-ins.ts';
import type { OutgoingMessage } from './channel.ts';
import { webhookChannel, webhookSignature } from './webhook.ts';

const SECRET = 'district-secret';
const message: OutgoingMessage = {
  id: 7,
  kind: 'ticket_status',
  phone: '13800000001',
  text: '【邻里】您的诉求 YA-20261202-0001 已受理。查看原链接了解详情。退订：https://linli.example/m/stop/x',
  params: { number: 'YA-20261202-0001', status: 'accepted' },
  urgent: false,
  createdAt: Date.parse('2026-12-02T10:00:00+08:00'),
};

let receiver: Awaited<ReturnType<typeof webhookReceiver>>;
let status = 500;
const failing = createServer((_req, res) => res.writeHead(status).end());
let failingUrl = '';
beforeAll(async () => {
  receiver = await webhookReceiver(SECRET);
  await new Promise<void>((r) => failing.listen(0, '127.0.0.1', r));
  failingUrl = `http://127.0.0.1:${(failing.address() as AddressInfo).port}/`;
});
afterAll(async () => {
  await receiver.close();
  await new Promise((r) => failing.close(r));
});

describe('the webhook channel', () => {
  it('signs timestamp.body with HMAC-SHA256 as the receiver recomputes it, and sends the message whole', async () => {
    expect(await webhookSignature('k', '1', '{}')).toBe(createHmac('sha256', 'k').update('1.{}').digest('hex'));
    const result = await webhookChannel({ url: receiver.url, secret: SECRET }).send(message);
    expect(result).toEqual({ ok: true, ref: 'hook-1' });
    expect(receiver.badSignatures()).toBe(0);
    expect(receiver.received[0]!.body).toMatchObject({
      id: 7,
      kind: 'ticket_status',
      phone: '13800000001',
      urgent: false,
    });
    expect(receiver.received[0]!.headers['idempotency-key']).toBe('linli-message-7');
  });

  it('is refused by the receiver under the wrong secret; 5xx and 429 are retried, other 4xx are not', async () => {
    const wrong = await webhookChannel({ url: receiver.url, secret: 'not-it' }).send(message);
    expect(wrong).toEqual({ ok: false, retry: false, error: 'webhook: HTTP 401' });
    expect(receiver.badSignatures()).toBe(1);
    for (const [code, retry] of [
      [500, true],
      [503, true],
      [429, true],
      [400, false],
      [404, false],
    ] as const) {
      status = code;
      expect(await webhookChannel({ url: failingUrl, secret: SECRET }).send(message)).toMatchObject({
        ok: false,
        retry,
      });
    }
    const down = await webhookChannel({ url: 'http://127.0.0.1:9/', secret: SECRET }).send(message);
    expect(down).toMatchObject({ ok: false, retry: true });
    expect(JSON.stringify(down)).not.toContain('13800000001');
  });
});
