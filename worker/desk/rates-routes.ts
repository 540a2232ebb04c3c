import type { Context } from 'hono';
import * as z from 'zod/mini';
import { Hono } from '#hono';
import { type ExportFormat, exportPeriod, exportQueryFields, exportResponse } from '../lib/exports.ts';
import type { AppEnv } from '../lib/platform.ts';
import { validate } from '../lib/validate.ts';
import { onePlace, placeScopeFields } from '../places/scope.ts';
import { auditEntry } from '../staff/audit.ts';
import { authorize, authorizeRole } from '../staff/policy.ts';
import { ratesColumns, ratesReport, ratesRows } from './rates-report.ts';
import { reportPlace } from './report-place.ts';

const ratesQuery = z
  .object({ ...placeScopeFields, from: exportQueryFields.from, to: exportQueryFields.to })
  .check(onePlace());
const exportQuery = z.object({ ...placeScopeFields, ...exportQueryFields }).check(onePlace());
type RatesQuery = z.output<typeof ratesQuery>;

/** The report a staff member may read: the role first (property staff: 403), then the place (outside it: 404). */
async function report(c: Context<AppEnv>, q: RatesQuery) {
  const { db, staff, platform } = c.var;
  authorizeRole(staff, 'stats.read');
  const { from, to } = exportPeriod(q, platform.now());
  const place = await reportPlace(db, q);
  authorize(staff, 'stats.read', place.ref, place.objectType);
  return ratesReport(db, place, from, to, platform.now());
}

/** The rates as a download, audited with the place, the period and the rows. */
async function ratesExport(c: Context<AppEnv>, q: RatesQuery, format: ExportFormat) {
  const body = await report(c, q);
  const rows = ratesRows(body);
  const { slug, kind, name } = body.place;
  await auditEntry(c.var.db, c.var.staff, 'rates.export', kind, slug, c.var.platform.now(), {
    format,
    from: body.from,
    to: body.to,
    rows: rows.length,
  });
  return exportResponse(c, {
    format,
    name: { zh: `三率-${name}-${body.from}-${body.to}`, ascii: `linli-rates-${slug}-${body.from}-${body.to}` },
    columns: ratesColumns,
    rows,
    meta: { place: body.place, from: body.from, to: body.to },
  });
}

/**
 * The three rates (三率) and the desk's other figures for a community, a sub-district or the
 * district over a period, as JSON for the statistics page and as a CSV or JSON download for
 * upward reporting (`/rates.csv` is the address the statistics page has always linked).
 */
export const deskRates = new Hono<AppEnv>()
  .get('/rates', validate('query', ratesQuery), async (c) => {
    const body = await report(c, c.req.valid('query'));
    c.header('Cache-Control', 'no-store');
    return c.json(body, 200);
  })
  .get('/rates.csv', validate('query', ratesQuery), (c) => ratesExport(c, c.req.valid('query'), 'csv'))
  .get('/rates/export', validate('query', exportQuery), (c) => {
    const q = c.req.valid('query');
    return ratesExport(c, q, q.format);
  });
