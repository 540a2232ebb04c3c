import { DAY_MS, HOUR_MS, SHANGHAI_MS } from '../lib/time.ts';
import type { QuietHours } from './settings.ts';

/** Whether `now` falls in quiet hours (Zhengzhou time). */
export function inQuietHours(q: QuietHours | null, now: number): boolean {
  if (!q) return false;
  const hour = new Date(now + SHANGHAI_MS).getUTCHours();
  return q.from > q.to ? hour >= q.from || hour < q.to : hour >= q.from && hour < q.to;
}

/**
 * When the quiet hours around `now` end: the next `to`:00 in Zhengzhou after now.
 * @example quietHoursEnd({ from: 21, to: 8 }, Date.parse('2026-12-01T22:30:00+08:00')) // 2026-12-02T08:00+08:00
 */
export function quietHoursEnd(q: QuietHours, now: number): number {
  const dayStart = Math.floor((now + SHANGHAI_MS) / DAY_MS) * DAY_MS - SHANGHAI_MS;
  const end = dayStart + q.to * HOUR_MS;
  return end > now ? end : end + DAY_MS;
}
