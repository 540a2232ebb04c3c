import type { Context } from 'hono';
import * as z from 'zod/mini';
import { type NewTicket, newTicketSchema } from '../desk/file-ticket.ts';
import { ApiError, fieldErrors } from '../lib/errors.ts';
import { open311Error } from './format.ts';

/** A POST's parameters as flat strings, `attribute[code]` included. */
export type Posted = Record<string, string>;

const scalar = (v: unknown) => typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';

/**
 * The parameters of a POST, form-encoded as the spec says or as JSON (`attribute` may be an
 * object there). Anything else is the spec's 400.
 */
export async function postedParams(c: Context): Promise<Posted> {
  const type = c.req.header('content-type')?.toLowerCase() ?? '';
  const out: Posted = {};
  if (type.startsWith('application/json')) {
    const body: unknown = await c.req.json().catch(() => undefined);
    if (!body || typeof body !== 'object' || Array.isArray(body))
      throw open311Error(400, 'The body is not a JSON object.');
    for (const [key, value] of Object.entries(body)) {
      if (key === 'attribute' && value && typeof value === 'object' && !Array.isArray(value)) {
        for (const [code, v] of Object.entries(value)) if (scalar(v)) out[`attribute[${code}]`] = String(v);
      } else if (scalar(value)) out[key] = String(value);
      else if (value !== null) throw open311Error(400, `${key}: give a string.`);
    }
    return out;
  }
  if (!type.startsWith('application/x-www-form-urlencoded') && !type.startsWith('multipart/form-data'))
    throw open311Error(400, 'Send the request form-encoded (application/x-www-form-urlencoded) or as JSON.');
  // The runtime's own parsers (Hono's parseBody would add its code to the Worker for this one use).
  const form = type.startsWith('application/x-www-form-urlencoded')
    ? new URLSearchParams(await c.req.text())
    : await c.req.raw.formData().catch(() => {
        throw open311Error(400, 'The form body cannot be read.');
      });
  for (const [key, value] of form.entries()) if (typeof value === 'string') out[key] ??= value;
  return out;
}

/** A coordinate as the client sent it, or the spec's 400 naming it. */
function degrees(p: Posted, name: 'lat' | 'long'): number | undefined {
  const raw = p[name]?.trim();
  if (!raw) return undefined;
  const n = Number(raw);
  if (!Number.isFinite(n))
    throw new ApiError(400, 'invalid_input', 'Not a number.', { [name]: 'Give decimal degrees (WGS-84).' });
  return n;
}

/**
 * An Open311 service request as a Linli ticket, checked by the desk's own rules. A position
 * without an address is the ticket's location text too (the desk needs one); `address_id` is
 * refused, Linli has no address register. The family name comes first, as in Chinese. `email`,
 * `device_id`, `account_id` and `media_url` are accepted and not kept. The partner app's key
 * stands for the resident's consent to the retention period: its terms require asking for it.
 * @example const input = ticketFromPosted({ jurisdiction_id: 'yongan', service_code: 'repairs', … })
 */
export function ticketFromPosted(p: Posted): NewTicket {
  const lat = degrees(p, 'lat');
  const long = degrees(p, 'long');
  const address = p.address_string?.trim();
  if (!address && lat === undefined && long === undefined) {
    if (p.address_id?.trim())
      throw open311Error(
        400,
        'address_id is not supported: Linli has no address ids. Send lat and long, or address_string.',
      );
    throw open311Error(400, 'A location is required: lat and long, or address_string.');
  }
  const name = [p.last_name, p.first_name]
    .map((s) => s?.trim())
    .filter(Boolean)
    .join('');
  const candidate = {
    community: p.jurisdiction_id,
    category: p.service_code,
    description: p.description,
    compound: p['attribute[compound]']?.trim() || undefined,
    location: address || `${lat ?? ''}, ${long ?? ''}`,
    name: name || undefined,
    phone: p.phone,
    consent: true,
    photos: [],
    lat,
    long,
  };
  const parsed = z.safeParse(newTicketSchema, candidate);
  if (!parsed.success) {
    const fields = fieldErrors(parsed.error);
    // A missing parameter says so, not "expected string, received undefined".
    for (const [key, value] of Object.entries(candidate))
      if (fields[key] && value === undefined) fields[key] = 'This parameter is required.';
    throw new ApiError(400, 'invalid_input', 'Invalid service request.', fields);
  }
  return parsed.data;
}
