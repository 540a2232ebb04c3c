import type { MessageKind } from '../../../schema/index.ts';
import { hmacBytes } from '../../lib/crypto.ts';
import { type Channel, networkFailure, type SendResult } from './channel.ts';

/** Alibaba Cloud SMS (Dysmsapi 2017-05-25 SendSms) as configured by ALIYUN_SMS_*. */
export type AliyunSmsSettings = {
  accessKeyId: string;
  accessKeySecret: string;
  signName: string;
  /** Template code per message kind (ALIYUN_SMS_TEMPLATES). */
  templates: Partial<Record<MessageKind, string>>;
  endpoint: string;
};

/** RFC 3986 encoding as Alibaba Cloud's RPC signature wants it (space %20, `*` %2A, `~` kept). */
export const percentEncode = (value: string) =>
  encodeURIComponent(value).replace(/[!'()*]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`);

/** The parameters sorted by name and encoded, Signature excluded: the canonicalized query string. */
export const canonicalQuery = (params: Record<string, string>) =>
  Object.keys(params)
    .filter((k) => k !== 'Signature')
    .sort()
    .map((k) => `${percentEncode(k)}=${percentEncode(params[k]!)}`)
    .join('&');

/**
 * The RPC signature (SignatureMethod HMAC-SHA1, SignatureVersion 1.0) of Alibaba Cloud's SMS
 * documentation: Base64(HMAC-SHA1(secret + "&", method + "&%2F&" + percentEncode(query))).
 * @example await rpcSignature('POST', params, accessKeySecret) // 'zJDF+Lrzhj/ThnlvIToysFRq6t4='
 */
export async function rpcSignature(method: 'GET' | 'POST', params: Record<string, string>, secret: string) {
  const stringToSign = `${method}&${percentEncode('/')}&${percentEncode(canonicalQuery(params))}`;
  const mac = await hmacBytes(`${secret}&`, stringToSign, 'SHA-1');
  return btoa(String.fromCharCode(...mac));
}

/** Codes that mean "not now" (flow control, the provider's own trouble): the message waits and is tried again. */
const LATER =
  /^(isv\.BUSINESS_LIMIT_CONTROL|isv\.DAY_LIMIT_CONTROL|Throttling.*|ServiceUnavailable|InternalError|isp\..*)$/;

/**
 * The SendSms channel: a form POST signed as the documentation says, to the configured endpoint
 * (a local stand-in in tests). Code OK is sent; flow control and 5xx are tried again; a wrong
 * number, sign name or template is failed at once.
 */
export function aliyunSmsChannel(s: AliyunSmsSettings, fetcher: typeof fetch = (...a) => fetch(...a)): Channel {
  return {
    name: 'aliyun-sms',
    async send(m): Promise<SendResult> {
      const template = s.templates[m.kind];
      if (!template) return { ok: false, retry: false, error: `no template for ${m.kind}` };
      const params: Record<string, string> = {
        AccessKeyId: s.accessKeyId,
        Action: 'SendSms',
        Format: 'JSON',
        OutId: String(m.id),
        PhoneNumbers: m.phone,
        RegionId: 'cn-hangzhou',
        SignName: s.signName,
        SignatureMethod: 'HMAC-SHA1',
        SignatureNonce: crypto.randomUUID(),
        SignatureVersion: '1.0',
        TemplateCode: template,
        TemplateParam: JSON.stringify(m.params),
        Timestamp: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'),
        Version: '2017-05-25',
      };
      const body = `Signature=${percentEncode(await rpcSignature('POST', params, s.accessKeySecret))}&${canonicalQuery(params)}`;
      let res: Response;
      try {
        res = await fetcher(s.endpoint, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body,
          signal: AbortSignal.timeout(10_000),
        });
      } catch (err) {
        return networkFailure(err);
      }
      const answer = (await res.json().catch(() => null)) as { Code?: string; BizId?: string } | null;
      const code = String(answer?.Code ?? `HTTP ${res.status}`).slice(0, 60);
      if (res.ok && code === 'OK') return { ok: true, ref: answer?.BizId ?? null };
      return { ok: false, retry: res.status >= 500 || LATER.test(code), error: `aliyun: ${code}` };
    },
  };
}
