import type { ErrorCode } from '../../../worker/lib/errors.ts';
import { ApiFailure } from './api.ts';
import type { MessageKey } from './messages.ts';
import { messageKey, t } from './prefs.ts';

/** Failures the web names itself: no answer at all, or an answer without the API's envelope. */
type WebCode = 'network' | 'http_error';
export type FailureCode = ErrorCode | WebCode;

/** Every code the API answers with, in the reader's words. A new code without words fails the typecheck. */
const byCode = {
  network: 'errNetwork',
  http_error: 'errUnknown',
  error: 'errUnknown',
  internal: 'errUnknown',
  misconfigured: 'errUnavailable',
  unavailable: 'errUnavailable',
  auth_unavailable: 'errUnavailable',
  bad_request: 'fixFields',
  invalid_input: 'fixFields',
  unprocessable: 'fixFields',
  malformed: 'photoWrongType',
  unsupported_media_type: 'errUnknown',
  unsupported_type: 'photoWrongType',
  payload_too_large: 'errTooLarge',
  too_large: 'photoTooLarge',
  too_many_pixels: 'photoTooManyPixels',
  unauthorized: 'errSignIn',
  session_expired: 'sessionExpired',
  invalid_credentials: 'badCredentials',
  forbidden: 'errForbidden',
  cross_origin: 'errForbidden',
  not_found: 'errNotFound',
  method_not_allowed: 'errUnknown',
  article_not_found: 'errNotFound',
  category_not_found: 'errNotFound',
  community_not_found: 'errNotFound',
  event_not_found: 'errNotFound',
  home_visit_not_found: 'errNotFound',
  photo_not_found: 'errNotFound',
  part_not_found: 'errNotFound',
  dispute_not_found: 'errNotFound',
  place_not_found: 'errNotFound',
  signup_not_found: 'errNotFound',
  staff_not_found: 'errNotFound',
  subdistrict_not_found: 'errNotFound',
  ticket_not_found: 'errNotFound',
  project_not_found: 'errNotFound',
  plan_item_not_found: 'errNotFound',
  wish_not_found: 'errNotFound',
  meeting_not_found: 'errNotFound',
  volunteer_not_found: 'errNotFound',
  quality_problem_not_found: 'errNotFound',
  household_not_found: 'errNotFound',
  robot_not_found: 'errNotFound',
  robot_exists: 'errTaken',
  open311_key_not_found: 'errNotFound',
  conflict: 'errConflict',
  version_conflict: 'errConflict',
  request_in_progress: 'errInProgress',
  too_many_requests: 'errTooMany',
  too_many_attempts: 'errTooMany',
  too_many_writes: 'errTooMany',
  invalid_transition: 'errNotNow',
  ticket_not_open: 'errNotNow',
  reopen_not_allowed: 'errNotNow',
  rating_not_allowed: 'errNotNow',
  project_closed: 'errNotNow',
  wish_closed: 'errNotNow',
  not_started: 'errNotAllowedYet',
  cancel_closed: 'cancelFailed',
  already_cancelled: 'errAlreadyCancelled',
  signup_cancelled: 'errAlreadyCancelled',
  signup_closed: 'signupClosedError',
  already_signed_up: 'signupAlreadyError',
  capacity_below_confirmed: 'errCapacity',
  cannot_disable_self: 'errSelf',
  category_exists: 'errTaken',
  login_taken: 'errTaken',
  partner_exists: 'errTaken',
  deadline_passed: 'errDeadlinePassed',
  extension_pending: 'errExtensionPending',
  extension_decided: 'errExtensionDecided',
  extension_not_found: 'errNotFound',
  me_too_not_found: 'errMeTooNotFound',
  optin_not_found: 'errNotFound',
  message_not_found: 'errNotFound',
  message_settled: 'errNotNow',
} as const satisfies Record<FailureCode, MessageKey>;

/** A form's own words where the general ones are too vague: per code, and per field (given the code). */
export type Words = {
  codes?: Partial<Record<FailureCode, MessageKey>>;
  field?: (name: string, code: FailureCode) => MessageKey | undefined;
};

/**
 * A field's own words: the form's, else the catalogue's (`fieldErr_title`), else the fallback.
 * @example fieldWords('title', words, 'fieldRequired') // '请填写活动名称。'
 */
export function fieldWords(
  name: string,
  words: Words = {},
  fallback: MessageKey = 'fieldInvalid',
  code: FailureCode = 'invalid_input',
): string {
  return t(words.field?.(name, code) ?? messageKey(`fieldErr_${name}`) ?? fallback);
}

/**
 * The one place a failure becomes words: a catalogue message for the form and one per field at
 * fault, in the reader's language. The server's English never reaches the page.
 * @example const { message, fields } = explain(err, { codes: { too_many_writes: 'ticketTooMany' } })
 */
export function explain(
  err: unknown,
  words: Words = {},
): { code: FailureCode; message: string; fields: Record<string, string> } {
  const code = (err instanceof ApiFailure ? err.code : 'network') as FailureCode;
  // "photos.2" is still about the photos.
  const names = [
    ...new Set(Object.keys(err instanceof ApiFailure ? err.fields : {}).map((path) => path.split('.')[0]!)),
  ];
  const fields = Object.fromEntries(names.map((name) => [name, fieldWords(name, words, 'fieldInvalid', code)]));
  const key = words.codes?.[code] ?? (names.length ? 'fixFields' : (byCode[code] ?? 'errUnknown'));
  return { code, message: t(key), fields };
}
