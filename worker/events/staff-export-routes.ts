import { Hono } from 'hono';
import * as z from 'zod/mini';
import { exportFormats, exportPeriod, exportQueryFields, exportResponse } from '../lib/exports.ts';
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

/** Without `format` the figures come as plain JSON for the statistics page; with it, as an audited download. */
const outreachQuery = z
  .object({
    ...placeScopeFields,
    from: exportQueryFields.from,
    to: exportQueryFields.to,
    format: z.optional(z.enum(exportFormats)),
  })
  .check(onePlace());

/**
 * Staff figures and downloads under /api/events, each route behind the staff sign-in (a `use`
 * here would guard the residents' /events routes too): outreach by channel, and the sign-ups
 * of the events the member organises.
 */
export const eventStaffExports = new Hono<AppEnv>()
  .get('/outreach', requireStaff, validate('query', outreachQuery), async (c) => {
    const { db, staff, platform } = c.var;
    authorizeRole(staff, 'stats.read');
    const q = c.req.valid('query');
    const now = platform.now();
    const period = exportPeriod(q, now);
    const place = await exportPlace(db, staff, q, 'stats.read');
    const channels = await outreachFigures(db, place.where, period, now);
    const meta = { place: place.label, from: period.from, to: period.to };
    if (!q.format) {
      c.header('Cache-Control', 'no-store');
      return c.json({ ...meta, channels }, 200);
    }
    await auditEntry(db, staff, 'outreach.export', place.label!.kind, place.label!.slug, now, {
      format: q.format,
      from: period.from,
      to: period.to,
      rows: channels.length,
    });
    const range = `${period.from}-${period.to}`;
    return exportResponse(c, {
      format: q.format,
      name: { zh: `宣传覆盖-${place.label!.name}-${range}`, ascii: `linli-outreach-${place.label!.slug}-${range}` },
      columns: outreachColumns,
      rows: channels,
      meta: { what: 'outreach', ...meta },
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
