import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { ApiError } from '../lib/errors.ts';
import { SHANGHAI_MS } from '../lib/time.ts';
import { type XmlValue, xmlDocument } from './xml.ts';

/** The two formats GeoReport v2 names by the path's suffix (`services.json`, `services.xml`). */
export type Format = 'json' | 'xml';

/** The format a path asks for: `.xml` gives XML, anything else JSON. */
export const formatOf = (path: string): Format => (path.endsWith('.xml') ? 'xml' : 'json');

/**
 * An instant as GeoReport v2 writes it: ISO 8601 with the offset, in Zhengzhou time.
 * @example isoShanghai(Date.UTC(2026, 10, 26, 2)) // '2026-11-26T10:00:00+08:00'
 */
export const isoShanghai = (ms: number) => `${new Date(ms + SHANGHAI_MS).toISOString().slice(0, 19)}+08:00`;

type Row = { [key: string]: XmlValue };

/**
 * One answer in the format the path asked for: a JSON array (or object), or XML with `root`
 * holding one `item` per row.
 * @example return answer(c, { root: 'services', item: 'service' }, rows, 200)
 */
export function answer(
  c: Context,
  names: { root: string; item?: string },
  rows: Row[] | Row,
  status: ContentfulStatusCode,
) {
  if (formatOf(c.req.path) === 'json') return c.json(rows, status);
  return c.body(xmlDocument(names.root, rows, names.item), status, { 'Content-Type': 'text/xml; charset=UTF-8' });
}

/**
 * An Open311 error: raised anywhere in the GeoReport routes, answered in the spec's error format
 * (`[{"code":400,"description":"…"}]` or `<errors><error>…`) by `open311Errors`.
 * @example throw open311Error(403, 'Invalid api_key.')
 */
export const open311Error = (status: ContentfulStatusCode, description: string, headers?: Record<string, string>) =>
  new ApiError(status, 'error', description, undefined, headers);

/** Linli's field names as Open311 calls them, so an error names the parameter the client sent. */
const paramOf: Record<string, string> = {
  community: 'jurisdiction_id',
  category: 'service_code',
  location: 'address_string',
  compound: 'attribute[compound]',
  name: 'first_name/last_name',
};

/**
 * The GeoReport routes' `onError`: every failure in the spec's format, one error per field at
 * fault; unknown errors are logged and become a bare 500 in the same format.
 */
export function open311Errors(err: Error, c: Context) {
  let status: ContentfulStatusCode = 500;
  let errors = [{ code: 500, description: 'Something went wrong on our side.' }];
  if (err instanceof HTTPException) {
    status = err.status as ContentfulStatusCode;
    const fields = err instanceof ApiError && err.fields ? Object.entries(err.fields) : [];
    errors = fields.length
      ? fields.map(([field, why]) => ({ code: status, description: `${paramOf[field] ?? field}: ${why}` }))
      : [{ code: status, description: err.message || 'Request failed.' }];
  } else console.error('unhandled open311 error', c.req.method, c.req.path, err);
  const res = answer(c, { root: 'errors', item: 'error' }, errors, status);
  if (err instanceof ApiError) for (const [k, v] of Object.entries(err.headers ?? {})) res.headers.set(k, v);
  res.headers.set('Cache-Control', 'no-store');
  return res;
}
