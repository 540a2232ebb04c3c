import type { Context } from 'hono';
import * as z from 'zod/mini';
import {
  type Column,
  capped,
  type ExportFormat,
  type ExportPeriod,
  exportPeriod,
  exportQueryFields,
  exportResponse,
} from '../lib/exports.ts';
import type { AppEnv } from '../lib/platform.ts';
import { type ExportWhere, exportPlace } from '../places/export-place.ts';
import { onePlace, placeScopeFields } from '../places/scope.ts';
import { auditEntry } from './audit.ts';
import { authorizeRole, type ExportAction, exportsPersonal } from './policy.ts';

/** The query of a list export: a place or none (all the member sees), the period and the format. */
export const listExportQuery = z
  .object({ ...placeScopeFields, ...exportQueryFields })
  .check(onePlace({ optional: true }));
type ListExportQuery = {
  community?: string;
  subdistrict?: string;
  district?: string;
  from?: string;
  to?: string;
  format: ExportFormat;
};

export type ListExport<R> = {
  action: ExportAction;
  /** The audit entry's action, e.g. `desk.export`. */
  audit: string;
  /** What the JSON says it holds, e.g. `tickets`. */
  what: string;
  /** The file name's first word: 工单, and its ASCII twin: tickets. */
  zh: string;
  ascii: string;
  rows: (where: ExportWhere, period: ExportPeriod) => Promise<R[]>;
  columns: (personal: boolean) => Column<R>[];
};

/**
 * One staff list as a download, the same way for every feature: the role (403), the period (400
 * naming from/to), the place (404 outside it), the rows the feature's query gives within the
 * member's scope, personal data only where the policy says, one audit entry with the range, the
 * place and the row count.
 * @example .get('/export', validate('query', listExportQuery), (c) => listExport(c, c.req.valid('query'), { … }))
 */
export async function listExport<R>(c: Context<AppEnv>, q: ListExportQuery, spec: ListExport<R>) {
  const { db, staff, platform } = c.var;
  authorizeRole(staff, spec.action);
  const now = platform.now();
  const period = exportPeriod(q, now);
  const place = await exportPlace(db, staff, q, spec.action);
  const { rows, truncated } = capped(await spec.rows(place.where, period));
  const personal = exportsPersonal(staff, spec.action);
  await auditEntry(db, staff, spec.audit, place.label?.kind ?? 'scope', place.label?.slug ?? null, now, {
    format: q.format,
    from: period.from,
    to: period.to,
    rows: rows.length,
    truncated,
    personal,
  });
  const range = `${period.from}-${period.to}`;
  return exportResponse(c, {
    format: q.format,
    name: {
      zh: `${spec.zh}-${place.label?.name ?? '本辖区'}-${range}`,
      ascii: `linli-${spec.ascii}${place.label ? `-${place.label.slug}` : ''}-${range}`,
    },
    columns: spec.columns(personal),
    rows,
    truncated,
    meta: { what: spec.what, place: place.label, from: period.from, to: period.to },
  });
}
