import { hmacBytes } from '../../lib/crypto.ts';
import { type Channel, networkFailure, type SendResult } from './channel.ts';

export type WebhookSettings = { url: string; secret: string };

/**
 * The hex HMAC-SHA-256 of `timestamp.body` under the webhook's secret: what `X-Linli-Signature`
 * carries (as `sha256=<hex>`) so the receiver knows the message is ours and fresh.
 * @example const sig = await webhookSignature(secret, '1764650000', body)
 */
export async function webhookSignature(secret: string, timestamp: string, body: string): Promise<string> {
  const mac = await hmacBytes(secret, `${timestamp}.${body}`);
  return Array.from(mac, (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * The generic webhook for a district's own SMS platform: a JSON POST, signed, with the message id
 * as Idempotency-Key (a receiver that sees a key twice should send once). 2xx is sent; 429, 5xx
 * and network trouble are tried again; any other answer is failed at once.
 */
export function webhookChannel(s: WebhookSettings, fetcher: typeof fetch = (...a) => fetch(...a)): Channel {
  return {
    name: 'webhook',
    async send(m): Promise<SendResult> {
      const body = JSON.stringify({
        id: m.id,
        kind: m.kind,
        phone: m.phone,
        text: m.text,
        params: m.params,
        urgent: m.urgent,
        createdAt: new Date(m.createdAt).toISOString(),
      });
      const timestamp = String(Math.floor(Date.now() / 1000));
      let res: Response;
      try {
        res = await fetcher(s.url, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'x-linli-timestamp': timestamp,
            'x-linli-signature': `sha256=${await webhookSignature(s.secret, timestamp, body)}`,
            'idempotency-key': `linli-message-${m.id}`,
          },
          body,
          signal: AbortSignal.timeout(10_000),
        });
      } catch (err) {
        return networkFailure(err);
      }
      const ref = res.headers.get('x-message-id');
      await res.body?.cancel();
      if (res.ok) return { ok: true, ref: ref ? ref.slice(0, 80) : null };
      return { ok: false, retry: res.status === 429 || res.status >= 500, error: `webhook: HTTP ${res.status}` };
    },
  };
}
