/**
 * The rules for request fields that more than one feature takes: place and category codes, ticket
 * numbers, residents' private links, phone numbers, ids, versions and due dates. Route files and
 * feature input modules use these instead of writing the pattern again.
 */
import * as z from 'zod/mini';
import { isCalendarDay } from './time.ts';

/** A place or category code: lower-case letters, digits and dashes, as in `renhelu`. */
export const SLUG_PATTERN = /^[a-z0-9-]{1,64}$/;

/**
 * A code with its own message; surrounding blanks are dropped first.
 * @example const code = slugWith('Use lower-case letters, digits and dashes.')
 */
export const slugWith = (message: string) => z.string().check(z.trim(), z.regex(SLUG_PATTERN, message));

/** A place or category code (community, sub-district, compound, category). */
export const slug = slugWith('Not a valid code.');

/** A ticket's human number: the community's code, the Zhengzhou day and the day's sequence, `RH-20261126-0001`. */
export const TICKET_NUMBER_PATTERN = /^[A-Z]{2,4}-\d{8}-\d{4,}$/;
export const ticketNumber = z.string().check(z.regex(TICKET_NUMBER_PATTERN, 'Not a ticket number.'));

/** A resident's private link token (tracking a ticket, a sign-up): 43 URL-safe characters, see `randomToken`. */
export const PRIVATE_TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;
/**
 * A private token with the message residents read when their link is broken.
 * @example const token = privateToken('Not a tracking token.')
 */
export const privateToken = (message: string) => z.string().check(z.regex(PRIVATE_TOKEN_PATTERN, message));

/**
 * A mobile (11 digits, with or without +86) or a landline with its area code. Spaces, dashes and
 * brackets are dropped and so is a +86 before a mobile: the same person is one number everywhere
 * (a sign-up with +86 is the same phone as one without).
 */
export const phone = z.pipe(
  z.pipe(
    z.string().check(z.maxLength(40)),
    z.transform((p: string) => p.replace(/[\s()-]/g, '').replace(/^\+?86(?=1\d{10}$)/, '')),
  ),
  z
    .string()
    .check(z.regex(/^1[3-9]\d{9}$|^0\d{9,11}$/, 'Give a mobile number (11 digits) or a landline with area code.')),
);

/** Masks a phone number for display: 13812341234 → 138****1234. */
export function maskPhone(value: string): string {
  const digits = value.replace(/\D/g, '');
  if (digits.length < 7) return '*'.repeat(digits.length);
  return `${digits.slice(0, 3)}${'*'.repeat(digits.length - 7)}${digits.slice(-4)}`;
}

/**
 * A row id in a path or query: decimal digits only, no sign, blanks, exponent or hex (which
 * `z.coerce.number()` would take: `0x1`, ` 1`, `1e0`), at least 1 and a safe integer.
 * @example const idParam = z.object({ id: numericId('Not an event id.') })
 */
export const numericId = (message: string) =>
  z.pipe(
    z.string().check(z.regex(/^[1-9]\d{0,15}$/, message)),
    z.pipe(z.transform(Number), z.number().check(z.lte(Number.MAX_SAFE_INTEGER, message))),
  );

/** The version a change was read at (optimistic locking): a whole number from 1. */
export const version = z.number().check(z.int(), z.positive());

/** Control characters other than tab, newline and carriage return. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding them is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

/**
 * Text a person typed: trimmed, with no control characters (four NULs would pass a length check
 * and show as nothing, and some break search), then the field's own checks.
 * @example const location = plainText(z.minLength(1, 'Say where.'), z.maxLength(200))
 */
export const plainText = (...checks: z.core.$ZodCheck<string>[]) =>
  z.string().check(
    z.trim(),
    z.refine((s) => !CONTROL.test(s), 'Remove the invisible control characters.'),
    ...checks,
  );

/** Staff's words on a ticket (a note, a reason): at least `min` characters, at most 2000. */
export const noteText = (min: number, why: string) => plainText(z.minLength(min, why), z.maxLength(2000));
export const optionalNoteText = z.optional(plainText(z.maxLength(2000)));

/**
 * The photos a resident attaches (a ticket, a renovation wish): up to 4 keys of their uploads.
 * @example const schema = z.object({ photos: residentPhotos })
 */
export const residentPhotos = z._default(
  z
    .array(z.string().check(z.regex(/^[A-Za-z0-9/_-]{8,120}$/, 'Not a photo key.')))
    .check(z.maxLength(4, 'At most 4 photos.')),
  [],
);

/** A calendar day in Zhengzhou, YYYY-MM-DD; a due time is the end of that day (23:59 UTC+8). */
export const dueDate = z
  .string()
  .check(
    z.regex(/^\d{4}-\d{2}-\d{2}$/, 'Use a date like 2026-12-01.'),
    z.refine(isCalendarDay, 'No such day in the calendar.'),
  );
