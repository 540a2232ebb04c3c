import { Hono } from 'hono';
import * as z from 'zod/mini';
import { capped, exportPeriod, exportQueryFields, exportResponse } from '../lib/exports.ts';
import type { AppEnv } from '../lib/platform.ts';
import { validate } from '../lib/validate.ts';
import { exportPlace } from '../places/export-place.ts';
import { onePlace, placeScopeFields } from '../places/scope.ts';
import { auditEntry } from '../staff/audit.ts';
import { authorizeRole, exportsPersonal } from '../staff/policy.ts';
import { ticketColumns, ticketsForExport } from './export.ts';

export const exportQuery = z.object({ ...placeScopeFields, ...exportQueryFields }).check(onePlace({ optional: true }));

/**
 * The desk's tickets as a download (/api/desk/export): those filed in the period, within the
 * member's scope and the place asked for, audited with the range, the place and the row count.
 */
export const deskExport = new Hono<AppEnv>().get('/export', validate('query', exportQuery), async (c) => {
  const { db, staff, platform } = c.var;
  authorizeRole(staff, 'desk.export');
  const q = c.req.valid('query');
  const now = platform.now();
  const period = exportPeriod(q, now);
  const place = await exportPlace(db, staff, q, 'desk.export');
  const { rows, truncated } = capped(await ticketsForExport(db, staff, place.where, period, now));
  const personal = exportsPersonal(staff, 'desk.export');
  await auditEntry(db, staff, 'desk.export', place.label?.kind ?? 'scope', place.label?.slug ?? null, now, {
    format: q.format,
    from: period.from,
    to: period.to,
    rows: rows.length,
    truncated,
    personal,
  });
  const where = place.label ? `-${place.label.slug}` : '';
  return exportResponse(c, {
    format: q.format,
    name: {
      zh: `工单-${place.label?.name ?? '本辖区'}-${period.from}-${period.to}`,
      ascii: `linli-tickets${where}-${period.from}-${period.to}`,
    },
    columns: ticketColumns(personal),
    rows,
    truncated,
    meta: { what: 'tickets', place: place.label, from: period.from, to: period.to },
  });
});
