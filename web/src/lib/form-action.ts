import { type Action, useAction } from '@solidjs/router';
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
  };
}

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
