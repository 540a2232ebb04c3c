import type { RobotPlatform } from '../../schema/index.ts';

/**
 * Where a robot may POST. The server sends to the configured URL, so only the two platforms'
 * own hosts are allowed, over HTTPS — or hosts the operator lists in ROBOT_WEBHOOK_HOSTS
 * (self-hosting, tests), where a loopback host may use plain http. Anything else would let a
 * staff account make the server POST anywhere (SSRF).
 */
const platformHosts: Record<RobotPlatform, string> = {
  wecom: 'qyapi.weixin.qq.com',
  dingtalk: 'oapi.dingtalk.com',
};

const loopback = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * ROBOT_WEBHOOK_HOSTS as a list: comma- or space-separated `host` or `host:port`.
 * @example parseWebhookHosts('127.0.0.1:8999, hooks.example') // ['127.0.0.1:8999', 'hooks.example']
 */
export const parseWebhookHosts = (value: string | undefined) =>
  (value ?? '')
    .split(/[\s,]+/)
    .map((h) => h.trim().toLowerCase())
    .filter(Boolean);

/**
 * Why a webhook URL may not be used for this platform, or null when it may.
 * @example webhookProblem('wecom', 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k', []) // null
 */
export function webhookProblem(platform: RobotPlatform, value: string, extraHosts: readonly string[]): string | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'Give the full webhook address the robot shows (https://…).';
  }
  if (url.username || url.password) return 'A webhook address has no user name or password.';
  const extra = extraHosts.includes(url.host) || extraHosts.includes(url.hostname);
  const httpAllowed = extra && loopback.has(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && httpAllowed))
    return 'The address must start with https://.';
  if (!extra && (url.host !== platformHosts[platform] || url.port))
    return `A ${platform === 'wecom' ? 'WeCom' : 'DingTalk'} robot's address is on ${platformHosts[platform]}.`;
  return null;
}

/**
 * The webhook as staff may see it again: host and path, each query value cut to its last four
 * characters, so the key is recognisable but never shown (nor sent to the browser) whole.
 * @example maskWebhook('https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=693a91f6-7xxx-5aaa') // '…/send?key=••••5aaa'
 */
export function maskWebhook(value: string): string {
  try {
    const url = new URL(value);
    const query = [...url.searchParams].map(([k, v]) => `${k}=••••${v.length > 8 ? v.slice(-4) : ''}`).join('&');
    return `${url.protocol}//${url.host}${url.pathname}${query ? `?${query}` : ''}`;
  } catch {
    return '••••';
  }
}
