import { Hono } from '#hono';
import type { AppEnv } from '../lib/platform.ts';
import { validate } from '../lib/validate.ts';
import { listExport, listExportQuery } from '../staff/exports.ts';
import { ticketColumns, ticketsForExport } from './export.ts';

/** The desk's tickets as a download (/api/desk/export): those filed in the period, in the member's scope. */
export const deskExport = new Hono<AppEnv>().get('/export', validate('query', listExportQuery), (c) =>
  listExport(c, c.req.valid('query'), {
    action: 'desk.export',
    audit: 'desk.export',
    what: 'tickets',
    zh: '工单',
    ascii: 'tickets',
    rows: (where, period) => ticketsForExport(c.var.db, c.var.staff, where, period, c.var.platform.now()),
    columns: ticketColumns,
  }),
);
