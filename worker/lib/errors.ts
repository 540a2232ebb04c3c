import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import * as z from 'zod/mini';

/**
 * Every code the API answers with. `ApiError` takes only these, so the typecheck keeps the list
 * complete, and the web maps each to a catalogue message (importing this as a type only).
 */
export type ErrorCode =
  | (typeof defaultCodes)[keyof typeof defaultCodes]
  | 'error'
  | 'internal'
  | 'misconfigured'
  | 'already_cancelled'
  | 'already_signed_up'
  | 'article_not_found'
  | 'auth_unavailable'
  | 'cancel_closed'
  | 'cannot_disable_self'
  | 'capacity_below_confirmed'
  | 'category_exists'
  | 'category_not_found'
  | 'community_not_found'
  | 'cross_origin'
  | 'dispute_not_found'
  | 'deadline_passed'
  | 'event_not_found'
  | 'extension_decided'
  | 'extension_not_found'
  | 'extension_pending'
  | 'home_visit_not_found'
  | 'household_not_found'
  | 'invalid_credentials'
  | 'invalid_input'
  | 'invalid_transition'
  | 'login_taken'
  | 'malformed'
  | 'me_too_not_found'
  | 'meeting_not_found'
  | 'message_not_found'
  | 'message_settled'
  | 'optin_not_found'
  | 'not_started'
  | 'open311_key_not_found'
  | 'part_not_found'
  | 'partner_exists'
  | 'photo_not_found'
  | 'place_not_found'
  | 'plan_item_not_found'
  | 'project_closed'
  | 'project_not_found'
  | 'quality_problem_not_found'
  | 'rating_not_allowed'
  | 'reopen_not_allowed'
  | 'request_in_progress'
  | 'robot_exists'
  | 'robot_not_found'
  | 'session_expired'
  | 'signup_cancelled'
  | 'signup_closed'
  | 'signup_not_found'
  | 'staff_not_found'
  | 'subdistrict_not_found'
  | 'ticket_not_found'
  | 'ticket_not_open'
  | 'too_large'
  | 'too_many_attempts'
  | 'too_many_pixels'
  | 'too_many_writes'
  | 'unsupported_type'
  | 'version_conflict'
  | 'volunteer_not_found'
  | 'wish_closed'
  | 'wish_not_found';

/** The one shape every error answer takes. */
export type ErrorBody = {
  error: { code: ErrorCode; message: string; fields?: Record<string, string> };
};

/**
 * An HTTP error carrying a machine-readable code and, for bad input, the fields at fault.
 * @example throw new ApiError(404, 'community_not_found', 'No community with this slug.')
 */
export class ApiError extends HTTPException {
  readonly code: ErrorCode;
  readonly fields?: Record<string, string>;
  readonly headers?: Record<string, string>;
  constructor(
    status: ContentfulStatusCode,
    code: ErrorCode,
    message: string,
    fields?: Record<string, string>,
    headers?: Record<string, string>,
  ) {
    super(status, { message });
    this.code = code;
    this.fields = fields;
    this.headers = headers;
  }
}

/**
 * The 400 for one field at fault, found after validation (a slug that names nothing, a day in the future).
 * @example throw invalidField('compound', 'No such compound.')
 */
export const invalidField = (field: string, message: string) =>
  new ApiError(400, 'invalid_input', message, { [field]: message });

const sizes: Record<string, string> = { string: 'characters', array: 'items' };
const typeOf = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'array' : Number.isNaN(v) ? 'NaN' : typeof v);
const list = (values: readonly unknown[], sep: string) =>
  values.map((v) => (typeof v === 'string' ? `"${v}"` : String(v))).join(sep);

/**
 * zod/mini ships without messages. These are zod's own English ones for the checks Linli uses,
 * word for word (its full catalogue costs the Worker 2.6 KiB); fields with a message of their own
 * keep it.
 */
export function zodMessage(issue: z.core.$ZodRawIssue): string {
  const i = issue as z.core.$ZodRawIssue & Record<string, never>;
  switch (issue.code) {
    case 'invalid_type':
      return `Invalid input: expected ${i.expected}, received ${typeOf(issue.input)}`;
    case 'invalid_value':
      return i.values.length === 1
        ? `Invalid input: expected ${list(i.values, '')}`
        : `Invalid option: expected one of ${list(i.values, '|')}`;
    case 'too_big':
    case 'too_small': {
      const big = issue.code === 'too_big';
      const adj = i.exact ? 'exactly ' : `${big ? '<' : '>'}${i.inclusive ? '=' : ''}`;
      const unit = sizes[i.origin];
      const limit = String(big ? i.maximum : i.minimum);
      return `Too ${big ? 'big' : 'small'}: expected ${i.origin ?? 'value'} to ${unit ? `have ${adj}${limit} ${unit}` : `be ${adj}${limit}`}`;
    }
    case 'invalid_format':
      return i.format === 'regex' ? `Invalid string: must match pattern ${i.pattern}` : `Invalid ${i.format}`;
    case 'unrecognized_keys':
      return `Unrecognized key${i.keys.length > 1 ? 's' : ''}: ${list(i.keys, ', ')}`;
    case 'invalid_union':
      return i.options?.length
        ? `Invalid discriminator value. Expected ${i.options.map((o: unknown) => `'${String(o)}'`).join(' | ')}`
        : 'Invalid input';
    default:
      return 'Invalid input';
  }
}
z.config({ localeError: zodMessage });

/** Turns a zod failure into `{ "field.path": "why" }`, the first problem per field. */
export function fieldErrors(error: z.core.$ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? issue.path.join('.') : '_';
    fields[key] ??= issue.message;
  }
  return fields;
}

const defaultCodes = {
  400: 'bad_request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  405: 'method_not_allowed',
  409: 'conflict',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  422: 'unprocessable',
  429: 'too_many_requests',
  503: 'unavailable',
} as const satisfies Partial<Record<number, string>>;

/** `app.onError`: known errors keep their status; anything else is logged and becomes a bare 500. */
export function onError(err: Error, c: Context) {
  if (err instanceof HTTPException) {
    const status = err.status as ContentfulStatusCode;
    const body: ErrorBody = {
      error: {
        code:
          err instanceof ApiError
            ? err.code
            : ((defaultCodes as Partial<Record<number, ErrorCode>>)[status] ?? 'error'),
        message: err.message || 'Request failed.',
        ...(err instanceof ApiError && err.fields ? { fields: err.fields } : {}),
      },
    };
    const res = c.json(body, status);
    if (err instanceof ApiError) for (const [k, v] of Object.entries(err.headers ?? {})) res.headers.set(k, v);
    return res;
  }
  console.error('unhandled error', c.req.method, c.req.path, err);
  return c.json({ error: { code: 'internal', message: 'Something went wrong on our side.' } } satisfies ErrorBody, 500);
}

/**
 * The 409 for a write that lost to another one: the row changed since the version the writer saw.
 * @example throw versionConflict('ticket')
 */
export const versionConflict = (what: string) =>
  new ApiError(409, 'version_conflict', `Someone else changed this ${what} meanwhile. Reload it and try again.`);

/** `app.notFound`: always JSON, and never cached (a missing file may exist after the next deploy). */
export function notFound(c: Context) {
  c.header('Cache-Control', 'no-store');
  return c.json(
    { error: { code: 'not_found', message: `No such endpoint: ${c.req.method} ${c.req.path}` } } satisfies ErrorBody,
    404,
  );
}
