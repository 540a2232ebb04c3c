import { type JSX, Show, splitProps } from 'solid-js';
import { t } from '../lib/prefs.ts';

type FieldProps = {
  name: string;
  label: string;
  hint?: string;
  error?: string;
  multiline?: boolean;
} & JSX.InputHTMLAttributes<HTMLInputElement> &
  JSX.TextareaHTMLAttributes<HTMLTextAreaElement>;

/** A labelled input or textarea with its hint and the server's error, tied together for screen readers. */
export function Field(props: FieldProps) {
  const [own, rest] = splitProps(props, ['name', 'label', 'hint', 'error', 'multiline']);
  const id = () => `field-${own.name}`;
  const described = () =>
    [own.hint && `${id()}-hint`, own.error && `${id()}-error`].filter(Boolean).join(' ') || undefined;
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
          aria-invalid={!!own.error}
          aria-describedby={described()}
          {...(rest as JSX.TextareaHTMLAttributes<HTMLTextAreaElement>)}
        />
      ) : (
        <input
          id={id()}
          name={own.name}
          aria-invalid={!!own.error}
          aria-describedby={described()}
          {...(rest as JSX.InputHTMLAttributes<HTMLInputElement>)}
        />
      )}
      <Show when={own.error}>
        <p class="form-error" id={`${id()}-error`}>
          {own.error}
        </p>
      </Show>
    </>
  );
}

/** The end of a form: the answer to the last try, and the submit button that says when it is busy. */
export function SubmitRow(props: { message: string; busy: boolean; label: string }) {
  return (
    <>
      <Show when={props.message}>
        <p class="form-error" role="alert">
          {props.message}
        </p>
      </Show>
      <button class="button" type="submit" disabled={props.busy}>
        {props.busy ? t('submitting') : props.label}
      </button>
    </>
  );
}
