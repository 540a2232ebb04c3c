import { type MessageKind, messageKinds } from '../../schema/index.ts';
import type { Platform } from '../lib/platform.ts';
import { type AliyunSmsSettings, aliyunSmsChannel } from './channels/aliyun-sms.ts';
import type { Channel } from './channels/channel.ts';
import { type WebhookSettings, webhookChannel } from './channels/webhook.ts';

/** Quiet hours in Zhengzhou time: no message that is not urgent from `from`:00 until `to`:00. */
export type QuietHours = { from: number; to: number };

/** How messages to residents go out, parsed once from the environment by each entry. */
export type MessageSettings = {
  aliyun: AliyunSmsSettings | null;
  webhook: WebhookSettings | null;
  quietHours: QuietHours | null;
  /** Signs stop links (the password pepper unless MESSAGE_STOP_SECRET is set). */
  stopSecret: string;
  /** Where stop links point (PUBLIC_ORIGIN); without it, links are relative and say so on the admin page. */
  publicOrigin: string;
  /** How long a runner holds the message it sends (MESSAGE_LEASE_SECONDS, default 60; far above one send's 10 s). */
  leaseMs: number;
  /** Attempts before a message that keeps failing is given up (MESSAGE_MAX_ATTEMPTS, default 6). */
  maxAttempts: number;
};

export type MessageEnv = Partial<
  Record<
    | 'ALIYUN_SMS_ACCESS_KEY_ID'
    | 'ALIYUN_SMS_ACCESS_KEY_SECRET'
    | 'ALIYUN_SMS_SIGN_NAME'
    | 'ALIYUN_SMS_TEMPLATES'
    | 'ALIYUN_SMS_ENDPOINT'
    | 'MESSAGE_WEBHOOK_URL'
    | 'MESSAGE_WEBHOOK_SECRET'
    | 'MESSAGE_QUIET_HOURS'
    | 'MESSAGE_STOP_SECRET'
    | 'MESSAGE_MAX_ATTEMPTS'
    | 'MESSAGE_LEASE_SECONDS',
    string | undefined
  >
>;

const DEFAULT_QUIET: QuietHours = { from: 21, to: 8 };

/** `21-8` (the default), `off`; anything else is a mistake in the configuration. */
export function parseQuietHours(value: string | undefined): QuietHours | null {
  const v = (value ?? '').trim().toLowerCase();
  if (v === '') return DEFAULT_QUIET;
  if (v === 'off' || v === 'none') return null;
  const m = /^(\d{1,2})-(\d{1,2})$/.exec(v);
  if (!m || Number(m[1]) > 23 || Number(m[2]) > 23 || m[1] === m[2])
    throw new Error('MESSAGE_QUIET_HOURS must be like 21-8 (from 21:00 to 08:00 Zhengzhou time) or off.');
  return { from: Number(m[1]), to: Number(m[2]) };
}

function parseTemplates(value: string | undefined): Partial<Record<MessageKind, string>> {
  if (!value?.trim()) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    throw new Error('ALIYUN_SMS_TEMPLATES must be JSON: {"ticket_status":"SMS_123456", …}.');
  }
  const templates: Partial<Record<MessageKind, string>> = {};
  for (const [kind, code] of Object.entries(parsed as Record<string, unknown>)) {
    if (!(messageKinds as readonly string[]).includes(kind) || typeof code !== 'string')
      throw new Error(`ALIYUN_SMS_TEMPLATES: ${kind} is not a message kind with a template code.`);
    templates[kind as MessageKind] = code;
  }
  return templates;
}

/**
 * The settings from the environment (Worker vars or process.env). Errors name the variable and
 * never quote a secret.
 * @example const messages = parseMessageSettings(process.env, pepper)
 */
export function parseMessageSettings(
  env: MessageEnv,
  pepper: string | undefined,
  publicOrigin?: string,
): MessageSettings {
  const id = env.ALIYUN_SMS_ACCESS_KEY_ID?.trim();
  const secret = env.ALIYUN_SMS_ACCESS_KEY_SECRET?.trim();
  if (Boolean(id) !== Boolean(secret))
    throw new Error('Set both ALIYUN_SMS_ACCESS_KEY_ID and ALIYUN_SMS_ACCESS_KEY_SECRET, or neither.');
  const url = env.MESSAGE_WEBHOOK_URL?.trim();
  if (url && !/^https?:\/\//.test(url)) throw new Error('MESSAGE_WEBHOOK_URL must be an http(s) address.');
  if (url && !env.MESSAGE_WEBHOOK_SECRET) throw new Error('MESSAGE_WEBHOOK_URL needs MESSAGE_WEBHOOK_SECRET.');
  const attempts = Number(env.MESSAGE_MAX_ATTEMPTS);
  const lease = Number(env.MESSAGE_LEASE_SECONDS);
  return {
    aliyun:
      id && secret
        ? {
            accessKeyId: id,
            accessKeySecret: secret,
            signName: env.ALIYUN_SMS_SIGN_NAME?.trim() || '邻里',
            templates: parseTemplates(env.ALIYUN_SMS_TEMPLATES),
            endpoint: env.ALIYUN_SMS_ENDPOINT?.trim() || 'https://dysmsapi.aliyuncs.com/',
          }
        : null,
    webhook: url ? { url, secret: env.MESSAGE_WEBHOOK_SECRET! } : null,
    quietHours: parseQuietHours(env.MESSAGE_QUIET_HOURS),
    stopSecret: env.MESSAGE_STOP_SECRET || pepper || 'linli-message-stop',
    publicOrigin: publicOrigin ?? '',
    leaseMs: Number.isInteger(lease) && lease > 0 && lease <= 3600 ? lease * 1000 : 60_000,
    maxAttempts: Number.isInteger(attempts) && attempts > 0 && attempts <= 50 ? attempts : 6,
  };
}

/** Settings with nothing configured: messages are kept in the outbox (held). */
export const noMessageChannel = (pepper?: string) => parseMessageSettings({}, pepper);

/**
 * The platform's message settings, or none configured (tests and entries that set nothing).
 * @example const { stopSecret } = messageSettingsOf(c.var.platform)
 */
export const messageSettingsOf = (p: Platform): MessageSettings =>
  p.messages ?? parseMessageSettings({}, p.authPepper, p.publicOrigin);

/**
 * The one channel messages go out by: the district's own platform when a webhook is set (it is
 * the more specific choice), else Alibaba Cloud SMS, else none (messages are held).
 */
export function channelFor(s: MessageSettings, fetcher: typeof fetch = (...a) => fetch(...a)): Channel | null {
  if (s.webhook) return webhookChannel(s.webhook, fetcher);
  if (s.aliyun) return aliyunSmsChannel(s.aliyun, fetcher);
  return null;
}
