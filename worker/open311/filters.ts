import type { Context } from 'hono';
import type { AppEnv } from '../lib/platform.ts';
import { DAY_MS } from '../lib/time.ts';
import { findCommunity } from '../places/places.ts';
import { open311Error } from './format.ts';
import type { RequestFilter } from './requests.ts';

/** The most requests one GET answers; `page` goes further. */
export const MAX_PAGE_SIZE = 100;
const DEFAULT_PAGE_SIZE = 50;
/** Without dates, GET requests covers the last 90 days, as the spec suggests. */
const DEFAULT_WINDOW_MS = 90 * DAY_MS;

const list = (v: string | undefined) =>
  v
    ?.split(',')
    .map((s) => s.trim())
    .filter(Boolean);

function instant(name: string, given: string | undefined): number | undefined {
  if (!given) return undefined;
  // A `+08:00` sent unencoded arrives as a space.
  const value = given.replace(/ (\d{2}:?\d{2})$/, '+$1');
  const ms = /^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:?\d{2}))?$/.test(value) ? Date.parse(value) : Number.NaN;
  if (Number.isNaN(ms))
    throw open311Error(400, `${name}: give an ISO 8601 date-time with its offset, e.g. 2026-11-26T10:00:00+08:00.`);
  return ms;
}

function whole(name: string, value: string | undefined, fallback: number, max: number): number {
  if (value === undefined) return fallback;
  if (!/^\d{1,9}$/.test(value) || Number(value) < 1) throw open311Error(400, `${name}: give a whole number from 1.`);
  return Math.min(Number(value), max);
}

/**
 * The filters of GET requests, checked; `service_request_id` overrides the others, as the spec says.
 * @example const rows = await publicRequests(db, await requestFilter(c), origin)
 */
export async function requestFilter(c: Context<AppEnv>): Promise<RequestFilter> {
  const q = c.req.query() as Record<string, string | undefined>;
  const limit = whole('page_size', q.page_size, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE);
  const offset = (whole('page', q.page, 1, 10_000) - 1) * limit;
  const numbers = list(q.service_request_id);
  if (numbers) return { numbers: numbers.slice(0, MAX_PAGE_SIZE), limit, offset: 0 };
  const statuses = list(q.status);
  if (statuses?.some((s) => s !== 'open' && s !== 'closed')) throw open311Error(400, 'status: give open or closed.');
  const from = instant('start_date', q.start_date);
  const to = instant('end_date', q.end_date);
  if (from !== undefined && to !== undefined && to < from)
    throw open311Error(400, 'end_date: it is before start_date.');
  const communityId = q.jurisdiction_id
    ? (
        await findCommunity(c.var.db, q.jurisdiction_id).catch(() => {
          throw open311Error(404, `No jurisdiction ${q.jurisdiction_id}.`);
        })
      ).id
    : undefined;
  return {
    communityId,
    serviceCodes: list(q.service_code),
    from: from ?? (to === undefined ? c.var.platform.now() - DEFAULT_WINDOW_MS : undefined),
    to,
    status: statuses?.length === 1 ? (statuses[0] as 'open' | 'closed') : undefined,
    limit,
    offset,
  };
}
