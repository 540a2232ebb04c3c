import { type JSX, Show, splitProps } from 'solid-js';
import { t } from '../lib/prefs.ts';
import { useFormErrors } from './form.tsx';

type FieldProps = {
  name: string;
  /** When one page has several forms with the same field name. */
  id?: string;
  label: string;
  hint?: string;
  error?: string;
  multiline?: boolean;
} & JSX.InputHTMLAttributes<HTMLInputElement> &
  JSX.TextareaHTMLAttributes<HTMLTextAreaElement>;

/**
 * A labelled input or textarea with its hint and its error (the form's, see form.tsx), tied
 * together for screen readers.
 */
export function Field(props: FieldProps) {
  const [own, rest] = splitProps(props, ['name', 'id', 'label', 'hint', 'error', 'multiline']);
  const form = useFormErrors();
  const id = () => own.id ?? `field-${own.name}`;
  const error = () => own.error ?? form.error(own.name);
  const described = () =>
    [own.hint && `${id()}-hint`, error() && `${id()}-error`].filter(Boolean).join(' ') || undefined;
  return (
    <>
      <label for={id()}>{own.label}</label>
      <Show when={own.hint}>
        <p class="hint" id={`${id()}-hint`}>
          {own.hint}
        </p>
      </Show>
      {own.multiline ? (
        <textarea
          id={id()}
          name={own.name}
          rows="4"
          aria-invalid={!!error()}
          aria-describedby={described()}
          {...(rest as JSX.TextareaHTMLAttributes<HTMLTextAreaElement>)}
        />
      ) : (
        <input
          id={id()}
          name={own.name}
          aria-invalid={!!error()}
          aria-describedby={described()}
          {...(rest as JSX.InputHTMLAttributes<HTMLInputElement>)}
        />
      )}
      <FieldError name={own.name} id={`${id()}-error`} error={error()} />
    </>
  );
}

/** A field's error where `Field` does not fit (a group of choices, a checkbox). */
export function FieldError(props: { name: string; id?: string; error?: string }) {
  const form = useFormErrors();
  form.claim(props.name);
  const error = () => props.error ?? form.error(props.name);
  return (
    <Show when={error()}>
      <p class="form-error" id={props.id ?? `field-${props.name}-error`}>
        {error()}
      </p>
    </Show>
  );
}

/** The form's answer to its last try (see form.tsx), or `message` when the page says it itself. */
export function FormMessage(props: { message?: string }) {
  const form = useFormErrors();
  const message = () => props.message ?? form.summary();
  return (
    <Show when={message()}>
      <p class="form-error" role="alert">
        {message()}
      </p>
    </Show>
  );
}

/** The end of a form: the answer to the last try, and the submit button that says when it is busy. */
export function SubmitRow(props: { message?: string; busy: boolean; label: string; busyLabel?: string }) {
  return (
    <>
      <FormMessage message={props.message} />
      <button class="button" type="submit" disabled={props.busy}>
        {props.busy ? (props.busyLabel ?? t('submitting')) : props.label}
      </button>
    </>
  );
}
