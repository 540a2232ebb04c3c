import type { RobotPlatform, StaffNoticeKind } from '../../schema/index.ts';
import { Base64 } from '../lib/base64.ts';
import { hmacBytes } from '../lib/crypto.ts';

/**
 * The two platforms' documented markdown messages. WeCom (企业微信群机器人):
 * `{"msgtype":"markdown","markdown":{"content":…}}`, content at most 4096 bytes of UTF-8.
 * DingTalk (钉钉自定义机器人): `{"msgtype":"markdown","markdown":{"title":…,"text":…}}`, and with 加签
 * `&timestamp=<ms>&sign=<urlencoded base64 HMAC-SHA256 of "timestamp\nsecret">` on the URL.
 */

/** WeCom's documented limit for markdown content; DingTalk's is larger, the same is kept for both. */
export const MAX_MARKDOWN_BYTES = 4096;

/** Lines listed one by one in a message; the rest are counted ("…另有 N 条"). */
export const MAX_LINES = 10;

const encoder = new TextEncoder();

/**
 * The text cut to at most `max` bytes of UTF-8, ending in "…" when cut (never inside a character).
 * @example truncateBytes('邻里邻里', 9) // '邻里…'
 */
export function truncateBytes(text: string, max: number): string {
  if (encoder.encode(text).length <= max) return text;
  const room = max - encoder.encode('…').length;
  let out = '';
  let used = 0;
  for (const ch of text) {
    const size = encoder.encode(ch).length;
    if (used + size > room) break;
    out += ch;
    used += size;
  }
  return `${out}…`;
}

/**
 * Text from people (names, categories) made inert inside a markdown message, on one line: markdown
 * and HTML marks become their full-width twins (U+FF01…, the ASCII code + 0xFEE0). Neither platform
 * documents a backslash escape, and a name must not turn into a link, a heading, a <font> tag or an @mention.
 * @example escapeMarkdown('**[x](http://e)**') // '＊＊［x］(http://e)＊＊'
 */
export const escapeMarkdown = (text: string) =>
  text
    .replace(/\s+/g, ' ')
    .replace(/[*_[\]<>`#~\\@]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) + 0xfee0))
    .trim();

const kindWords: Record<StaffNoticeKind, string> = {
  new_ticket: '新诉求',
  part_assigned: '已分派',
  overdue: '已超期',
  follow_ups_tomorrow: '明日回访',
};

export type DigestNotice = {
  kind: StaffNoticeKind;
  ticketNumber: string | null;
  summary: string;
};

/** The words for "3 new tickets, 1 overdue…", the same on the robots page's preview. */
export function countsLine(notices: readonly DigestNotice[]): string {
  const counts = new Map<StaffNoticeKind, number>();
  for (const n of notices) counts.set(n.kind, (counts.get(n.kind) ?? 0) + 1);
  return [...counts].map(([kind, n]) => `${kindWords[kind]} ${n} 条`).join('，');
}

/**
 * One markdown message for everything pending: counts per kind, up to ten lines with links to the
 * staff page, and how many more.
 * @example digest('永安社区', notices, 'https://linli.example') // { title: '邻里 · 永安社区', text: '### …' }
 */
export function digest(ownerName: string, notices: readonly DigestNotice[], origin?: string) {
  const title = `邻里 · ${escapeMarkdown(ownerName)}`;
  const lines = notices.slice(0, MAX_LINES).map((n) => {
    const number = n.ticketNumber
      ? origin
        ? ` [${n.ticketNumber}](${origin}/staff/desk/${encodeURIComponent(n.ticketNumber)})`
        : ` ${n.ticketNumber}`
      : '';
    return `- **${kindWords[n.kind]}**${number} ${escapeMarkdown(n.summary)}`;
  });
  const more = notices.length - lines.length;
  const text = [
    `### ${title}`,
    `${countsLine(notices)}`,
    ...lines,
    ...(more > 0 ? [`…另有 ${more} 条`] : []),
    ...(origin ? [`[打开工作台](${origin}/staff/desk)`] : []),
  ].join('\n');
  return { title, text: truncateBytes(text, MAX_MARKDOWN_BYTES) };
}

/**
 * The JSON body each platform documents for a markdown message.
 * @example robotPayload('wecom', { title, text }) // { msgtype: 'markdown', markdown: { content: text } }
 */
export function robotPayload(platform: RobotPlatform, message: { title: string; text: string }) {
  const text = truncateBytes(message.text, MAX_MARKDOWN_BYTES);
  return platform === 'wecom'
    ? { msgtype: 'markdown', markdown: { content: text } }
    : { msgtype: 'markdown', markdown: { title: message.title, text } };
}

/**
 * DingTalk's 加签: the webhook URL with `timestamp` and `sign` appended, computed with
 * crypto.subtle (it runs in workerd). Without a secret, the URL as configured.
 * @example await signedUrl('https://oapi.dingtalk.com/robot/send?access_token=x', 'SEC…', Date.now())
 */
export async function signedUrl(url: string, secret: string | null, timestamp: number): Promise<string> {
  if (!secret) return url;
  const mac = await hmacBytes(secret, `${timestamp}\n${secret}`);
  const sign = encodeURIComponent(Base64.fromUint8Array(mac));
  return `${url}${url.includes('?') ? '&' : '?'}timestamp=${timestamp}&sign=${sign}`;
}
