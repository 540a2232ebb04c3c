import { Hono } from '#hono';
import type { AppEnv } from '../lib/platform.ts';
import { validate } from '../lib/validate.ts';
import { listExport, listExportQuery } from '../staff/exports.ts';
import { wishColumns, wishesForExport } from './wishes-export.ts';

/** Residents' wishes and objections as a download (/api/renovation/staff/wishes/export), in the member's place. */
export const wishesExport = new Hono<AppEnv>().get('/wishes/export', validate('query', listExportQuery), (c) =>
  listExport(c, c.req.valid('query'), {
    action: 'renovation.export',
    audit: 'wish.export',
    what: 'wishes',
    zh: '小心愿',
    ascii: 'wishes',
    rows: (where, period) => wishesForExport(c.var.db, c.var.staff, where, period),
    columns: wishColumns,
  }),
);
