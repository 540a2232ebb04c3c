import type { Context } from 'hono';
import * as z from 'zod/mini';
import { Hono } from '#hono';
import { exportPeriod, exportQueryFields, exportResponse } from '../lib/exports.ts';
import type { AppEnv } from '../lib/platform.ts';
import { validate } from '../lib/validate.ts';
import { exportPlace } from '../places/export-place.ts';
import { onePlace, placeScopeFields } from '../places/scope.ts';
import { auditEntry } from '../staff/audit.ts';
import { listExport, listExportQuery } from '../staff/exports.ts';
import { requireStaff } from '../staff/middleware.ts';
import { authorizeRole } from '../staff/policy.ts';
import { outreachColumns, outreachFigures } from './outreach.ts';
import { signupColumns, signupsForExport } from './signups-export.ts';

const outreachQuery = z
  .object({ ...placeScopeFields, from: exportQueryFields.from, to: exportQueryFields.to })
  .check(onePlace());
const outreachExportQuery = z.object({ ...placeScopeFields, ...exportQueryFields }).check(onePlace());

/** The figures for a place the member may read (stats.read: 403 for other roles, 404 outside their place). */
async function outreach(c: Context<AppEnv>, q: z.output<typeof outreachQuery>) {
  const { db, staff, platform } = c.var;
  authorizeRole(staff, 'stats.read');
  const now = platform.now();
  const period = exportPeriod(q, now);
  const place = await exportPlace(db, staff, q, 'stats.read');
  // onePlace() makes the place given, so it has a label.
  const label = place.label!;
  return {
    place: label,
    from: period.from,
    to: period.to,
    channels: await outreachFigures(db, place.where, period, now),
  };
}

/**
 * Staff figures and downloads under /api/events, each route behind the staff sign-in (a `use`
 * here would guard the residents' /events routes too): outreach by channel for the statistics
 * page and as an audited download, and the sign-ups of the events the member organises.
 */
export const eventStaffExports = new Hono<AppEnv>()
  .get('/outreach', requireStaff, validate('query', outreachQuery), async (c) => {
    const body = await outreach(c, c.req.valid('query'));
    c.header('Cache-Control', 'no-store');
    return c.json(body, 200);
  })
  .get('/outreach/export', requireStaff, validate('query', outreachExportQuery), async (c) => {
    const q = c.req.valid('query');
    const { place, from, to, channels } = await outreach(c, q);
    await auditEntry(c.var.db, c.var.staff, 'outreach.export', place.kind, place.slug, c.var.platform.now(), {
      format: q.format,
      from,
      to,
      rows: channels.length,
    });
    return exportResponse(c, {
      format: q.format,
      name: { zh: `三位一体宣讲-${place.name}-${from}-${to}`, ascii: `linli-outreach-${place.slug}-${from}-${to}` },
      columns: outreachColumns,
      rows: channels,
      meta: { what: 'outreach', place, from, to },
    });
  })
  .get('/signups/export', requireStaff, validate('query', listExportQuery), (c) =>
    listExport(c, c.req.valid('query'), {
      action: 'event.export',
      audit: 'signup.export',
      what: 'signups',
      zh: '活动报名',
      ascii: 'signups',
      rows: (where, period) => signupsForExport(c.var.db, c.var.staff, where, period),
      columns: signupColumns,
    }),
  );
