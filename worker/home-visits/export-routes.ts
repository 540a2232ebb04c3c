import { Hono } from '#hono';
import type { AppEnv } from '../lib/platform.ts';
import { validate } from '../lib/validate.ts';
import { listExport, listExportQuery } from '../staff/exports.ts';
import { visitColumns, visitsForExport } from './export.ts';

/**
 * Home visits as a download (/api/desk/home-visits/export): those asked for in the period in the
 * member's scope (a partner: the ones sent to it, without the person's details).
 */
export const homeVisitExport = new Hono<AppEnv>().get('/export', validate('query', listExportQuery), (c) =>
  listExport(c, c.req.valid('query'), {
    action: 'visit.export',
    audit: 'home_visit.export',
    what: 'home_visits',
    zh: '上门服务',
    ascii: 'home-visits',
    rows: (where, period) => visitsForExport(c.var.db, c.var.staff, where, period),
    columns: visitColumns,
  }),
);
