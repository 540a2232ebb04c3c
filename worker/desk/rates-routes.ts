import type { Context } from 'hono';
import * as z from 'zod/mini';
import { Hono } from '#hono';
import { ApiError } from '../lib/errors.ts';
import { dueDate } from '../lib/fields.ts';
import type { AppEnv } from '../lib/platform.ts';
import { DAY_MS, zhengzhouDay } from '../lib/time.ts';
import { validate } from '../lib/validate.ts';
import { onePlace, placeScopeFields } from '../places/scope.ts';
import { auditEntry } from '../staff/audit.ts';
import { authorize, authorizeRole } from '../staff/policy.ts';
import { ratesCsv, ratesReport } from './rates-report.ts';
import { reportPlace } from './report-place.ts';

/** The longest period a report covers, in days (a leap year). */
const MAX_DAYS = 366;
const ratesQuery = z
  .object({ ...placeScopeFields, from: z.optional(dueDate), to: z.optional(dueDate) })
  .check(onePlace());
type RatesQuery = z.output<typeof ratesQuery>;

const dayNumber = (day: string) => Date.parse(`${day}T00:00:00Z`) / DAY_MS;
const dayOf = (n: number) => new Date(n * DAY_MS).toISOString().slice(0, 10);

/** The period asked for: by default the last 30 days ending today (Zhengzhou); 400 naming `from` and `to` if it runs backwards or too long. */
function period(q: RatesQuery, now: number) {
  const to = q.to ?? zhengzhouDay(now);
  const from = q.from ?? dayOf(dayNumber(to) - 29);
  const days = dayNumber(to) - dayNumber(from) + 1;
  if (days < 1)
    throw new ApiError(400, 'invalid_input', 'Invalid query.', {
      from: 'The period starts after it ends.',
      to: 'The period ends before it starts.',
    });
  if (days > MAX_DAYS)
    throw new ApiError(400, 'invalid_input', 'Invalid query.', {
      from: `A period covers at most ${MAX_DAYS} days.`,
      to: `A period covers at most ${MAX_DAYS} days.`,
    });
  return { from, to };
}

/** The report a staff member may read: the role first (property staff: 403), then the place (outside it: 404). */
async function report(c: Context<AppEnv>, q: RatesQuery) {
  const { db, staff, platform } = c.var;
  authorizeRole(staff, 'stats.read');
  const { from, to } = period(q, platform.now());
  const place = await reportPlace(db, q);
  authorize(staff, 'stats.read', place.ref, place.objectType);
  return ratesReport(db, place, from, to, platform.now());
}

/**
 * The three rates (三率) and the desk's other figures for a community, a sub-district or the
 * district over a period, as JSON for the statistics page and as CSV for upward reporting.
 */
export const deskRates = new Hono<AppEnv>()
  .get('/rates', validate('query', ratesQuery), async (c) => {
    const body = await report(c, c.req.valid('query'));
    c.header('Cache-Control', 'no-store');
    return c.json(body, 200);
  })
  .get('/rates.csv', validate('query', ratesQuery), async (c) => {
    const body = await report(c, c.req.valid('query'));
    const { slug, kind } = body.place;
    await auditEntry(c.var.db, c.var.staff, 'rates.export', kind, slug, c.var.platform.now(), {
      from: body.from,
      to: body.to,
    });
    c.header('Cache-Control', 'no-store');
    c.header('Content-Type', 'text/csv; charset=utf-8');
    c.header('Content-Disposition', `attachment; filename="linli-rates-${slug}-${body.from}-${body.to}.csv"`);
    return c.body(ratesCsv(body), 200);
  });
