import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * Local stand-ins for tests: Alibaba Cloud's SendSms endpoint, which checks each request's
 * signature as the provider does (recomputed here with node:crypto, independently of the app's
 * WebCrypto code), and a district's webhook receiver, which checks the HMAC. Each records what
 * it accepted; `answer` decides the reply to the next request.
 */

const body = (req: IncomingMessage) =>
  new Promise<string>((resolve) => {
    let text = '';
    req.setEncoding('utf8');
    req.on('data', (c) => {
      text += c;
    });
    req.on('end', () => resolve(text));
  });

/** Alibaba Cloud's encoding, done the documented way: form-encode, then `+`→%20, `*`→%2A, %7E→`~`. */
const popEncode = (s: string) =>
  new URLSearchParams({ s }).toString().slice(2).replace(/\+/g, '%20').replace(/\*/g, '%2A').replace(/%7E/g, '~');

/** The RPC signature as the stand-in recomputes it. */
export function expectedAliyunSignature(method: string, params: Record<string, string>, secret: string) {
  const query = Object.keys(params)
    .filter((k) => k !== 'Signature')
    .sort()
    .map((k) => `${popEncode(k)}=${popEncode(params[k]!)}`)
    .join('&');
  return createHmac('sha1', `${secret}&`)
    .update(`${method}&${popEncode('/')}&${popEncode(query)}`, 'utf8')
    .digest('base64');
}

type Reply = { status: number; body: unknown };

export async function aliyunStandIn(secret: string) {
  const received: Record<string, string>[] = [];
  let rejected = 0;
  let answer: (params: Record<string, string>) => Reply = () => ({ status: 200, body: { Code: 'OK', BizId: 'biz-1' } });
  const server = createServer(async (req, res) => {
    const params = Object.fromEntries(new URLSearchParams(await body(req)));
    const given = Buffer.from(params.Signature ?? '');
    const wanted = Buffer.from(expectedAliyunSignature('POST', params, secret));
    if (given.length !== wanted.length || !timingSafeEqual(given, wanted)) {
      rejected++;
      res.writeHead(400, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ Code: 'SignatureDoesNotMatch' }));
      return;
    }
    received.push(params);
    const reply = answer(params);
    res.writeHead(reply.status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(reply.body));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    received,
    rejected: () => rejected,
    reply(fn: (params: Record<string, string>) => Reply) {
      answer = fn;
    },
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

export type WebhookDelivery = { headers: Record<string, string | undefined>; body: Record<string, unknown> };

export async function webhookReceiver(secret: string, onReceive?: () => void) {
  const received: WebhookDelivery[] = [];
  let badSignatures = 0;
  const server = createServer(async (req, res) => {
    const text = await body(req);
    const ts = String(req.headers['x-linli-timestamp'] ?? '');
    const wanted = `sha256=${createHmac('sha256', secret).update(`${ts}.${text}`).digest('hex')}`;
    const given = String(req.headers['x-linli-signature'] ?? '');
    const fresh = Math.abs(Date.now() / 1000 - Number(ts)) < 300;
    const same =
      given.length === wanted.length &&
      timingSafeEqual(createHash('sha256').update(given).digest(), createHash('sha256').update(wanted).digest());
    if (!same || !fresh) {
      badSignatures++;
      res.writeHead(401).end();
      return;
    }
    received.push({
      headers: { 'idempotency-key': req.headers['idempotency-key'] as string | undefined },
      body: JSON.parse(text),
    });
    onReceive?.();
    res.writeHead(202, { 'x-message-id': `hook-${received.length}` }).end();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/sms`,
    received,
    badSignatures: () => badSignatures,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}
