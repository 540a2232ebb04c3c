import { Hono } from 'hono';
import * as z from 'zod/mini';
import { capped, exportPeriod, exportQueryFields, exportResponse } from '../lib/exports.ts';
import type { AppEnv } from '../lib/platform.ts';
import { validate } from '../lib/validate.ts';
import { exportPlace } from '../places/export-place.ts';
import { onePlace, placeScopeFields } from '../places/scope.ts';
import { auditEntry } from '../staff/audit.ts';
import { authorizeRole, exportsPersonal } from '../staff/policy.ts';
import { visitColumns, visitsForExport } from './export.ts';

const exportQuery = z.object({ ...placeScopeFields, ...exportQueryFields }).check(onePlace({ optional: true }));

/**
 * Home visits as a download (/api/desk/home-visits/export): those asked for in the period within
 * the member's scope, personal details only for the roles that always see them, audited.
 */
export const homeVisitExport = new Hono<AppEnv>().get('/export', validate('query', exportQuery), async (c) => {
  const { db, staff, platform } = c.var;
  authorizeRole(staff, 'visit.export');
  const q = c.req.valid('query');
  const now = platform.now();
  const period = exportPeriod(q, now);
  const place = await exportPlace(db, staff, q, 'visit.export');
  const { rows, truncated } = capped(await visitsForExport(db, staff, place.where, period));
  const personal = exportsPersonal(staff, 'visit.export');
  await auditEntry(db, staff, 'home_visit.export', place.label?.kind ?? 'scope', place.label?.slug ?? null, now, {
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
      zh: `上门服务-${place.label?.name ?? '本辖区'}-${period.from}-${period.to}`,
      ascii: `linli-home-visits${where}-${period.from}-${period.to}`,
    },
    columns: visitColumns(personal),
    rows,
    truncated,
    meta: { what: 'home_visits', place: place.label, from: period.from, to: period.to },
  });
});
