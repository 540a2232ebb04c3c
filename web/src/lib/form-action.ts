import { type Action, useAction } from '@solidjs/router';
import { ApiFailure } from './api.ts';
import { explain, type Words } from './errors.ts';

/** The latest submission of an action, as `useSubmission` gives it. */
type Latest = { readonly pending?: boolean; readonly result?: unknown; readonly error?: unknown };

/**
 * What a form shows for its latest try: busy while it runs, done after it, or the failure in the
 * reader's words (lib/errors.ts), for the whole form and per field.
 * @example const state = formState(useSubmission(fileTicket)); <SubmitRow busy={state.busy()} message={state.message()} />
 */
export function formState(sub: Latest, words?: Words) {
  const failure = () => (sub.error === undefined ? undefined : explain(sub.error, words));
  return {
    busy: () => !!sub.pending,
    done: () => !sub.pending && sub.result !== undefined && sub.error === undefined,
    message: () => failure()?.message ?? '',
    fields: (): Record<string, string> => failure()?.fields ?? {},
    code: () => failure()?.code,
    words,
  };
}

export type FormState = ReturnType<typeof formState>;

/**
 * `useAction` for buttons outside a form: a failure stays in the action's submission, where the
 * page shows it, instead of escaping as an unhandled rejection.
 * @example const meToo = useQuietAction(addMeToo); <button onClick={() => meToo(number)}>
 */
export function useQuietAction<T extends unknown[], U>(act: Action<T, U>) {
  const run = useAction(act);
  return (...args: Parameters<typeof run>) => void run(...args).catch(() => {});
}

/** A submitted form's field as trimmed text ('' when absent). */
export const field = (form: FormData | URLSearchParams, name: string) => String(form.get(name) ?? '').trim();

/**
 * Sends a resident's write with its Idempotency-Key, and while the server says the same request
 * is still being handled (a moment ago, or before a restart) waits as long as it asks and sends
 * it again: the key makes a repeat harmless, and the resident gets the one answer.
 * @example const filed = await untilHandled(async () => json(await api.tickets.$post(…)))
 */
export async function untilHandled<T>(send: () => Promise<T>, tries = 8): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await send();
    } catch (err) {
      if (!(err instanceof ApiFailure) || err.code !== 'request_in_progress' || attempt >= tries) throw err;
      await new Promise((resolve) => setTimeout(resolve, Math.min(err.retryAfter ?? 2, 15) * 1000));
    }
  }
}
