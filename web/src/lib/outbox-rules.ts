/**
 * The outbox's pure rules, shared by the page (lib/outbox.ts) and its tests: what an entry is,
 * and what each answer to a kept post means. (The service worker, a classic script that imports
 * nothing, repeats the few lines it needs; a test keeps the two in step.)
 */

export type OutboxKind = 'ticket' | 'wish' | 'signup' | 'home_visit';

/** What the server answers a filed post with: a number (tickets, wishes, visits) or an id (sign-ups). */
export type Filed = { number?: string; id?: number; token: string };

/** A post kept on the phone until it reaches the server. */
export type OutboxEntry = {
  /** The form's own key: sending it twice files it once (worker/lib/idempotency.ts). */
  idempotencyKey: string;
  kind: OutboxKind;
  url: string;
  body: unknown;
  createdAt: number;
  attempts: number;
  /** What was filed, in the resident's words, for the notes (a description's start, an event's title). */
  summary: string;
  /** For a sign-up: the event, so "my sign-ups" can list it as the online path does. */
  event?: { id: number; title: string; startsAt: number };
  /**
   * Photos picked while offline, kept here as the shrunk files: uploaded just before the post, and
   * their keys added to the body's `photos` (the entry is saved with the keys first, so a page
   * closed between the two does not upload them again).
   */
  photos?: Blob[];
  state: 'pending' | 'sent' | 'refused';
  /** Once sent (by a page or the service worker): the server's answer, not yet recorded on the page. */
  filed?: Filed;
  /** Once refused: the API's error code and the fields at fault. */
  refusal?: { status: number; code: string; fields: string[] };
};

/** The outcome of one try: sent, refused for good (4xx), or to be tried again later. */
export type Outcome = 'sent' | 'refused' | 'retry';

/**
 * 2xx files it; a 4xx is the server saying no (full event, a field no longer valid, photos gone),
 * except "the same key is still being handled" (409 request_in_progress), a timeout (408) and
 * "too many just now" (429), which pass. 5xx and no answer at all are tried again later.
 * @example outcome(201) // 'sent'
 */
export function outcome(status: number, code?: string): Outcome {
  if (status >= 200 && status < 300) return 'sent';
  if (status === 408 || status === 429 || code === 'request_in_progress') return 'retry';
  if (status >= 400 && status < 500) return 'refused';
  return 'retry';
}

/** How much of a description the notes show. */
export const SUMMARY_LENGTH = 40;

/**
 * A short line of what was filed, for the notes.
 * @example summarize('楼道灯坏了三天了，晚上很黑') // '楼道灯坏了三天了，晚上很黑'
 */
export const summarize = (text: string) =>
  text.length > SUMMARY_LENGTH ? `${text.slice(0, SUMMARY_LENGTH - 1)}…` : text;

/** Why a refused post was refused, as a message key of the notes. */
export function refusalKey(refusal: NonNullable<OutboxEntry['refusal']>) {
  if (refusal.fields.some((f) => f.split('.')[0] === 'photos') || refusal.code === 'photo_not_found')
    return 'outboxWhyPhotos' as const;
  if (refusal.code === 'signup_closed') return 'outboxWhyClosed' as const;
  if (refusal.code === 'already_signed_up') return 'outboxWhyAlready' as const;
  if (refusal.fields.length > 0 || refusal.code === 'invalid_input') return 'outboxWhyFields' as const;
  return 'outboxWhyOther' as const;
}
