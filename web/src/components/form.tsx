import {
  createContext,
  createEffect,
  createMemo,
  createSignal,
  For,
  type JSX,
  on,
  type Ref,
  splitProps,
  useContext,
} from 'solid-js';
import { fieldWords } from '../lib/errors.ts';
import type { FormState } from '../lib/form-action.ts';
import { t } from '../lib/prefs.ts';

type Errors = Readonly<Record<string, string>>;
type Control = HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;

/** What a field and the submit row read from the form around them. */
const FormContext = createContext({
  error: (_name: string): string | undefined => undefined,
  summary: (): string => '',
  /** A field that shows its own error, so the form does not repeat it at its end. */
  claim: (_name: string) => {},
});
export const useFormErrors = () => useContext(FormContext);

const controls = (form: HTMLFormElement) =>
  [...form.elements].filter((el): el is Control => 'validity' in el && !!(el as Control).name);

/** What the browser's own checks (required, type, length) find, in the app's words, one per name. */
function check(form: HTMLFormElement, state: FormState): Errors {
  const found: Record<string, string> = {};
  for (const el of controls(form)) {
    if (!el.willValidate || el.validity.valid || el.name in found) continue;
    found[el.name] = fieldWords(el.name, state.words, el.validity.valueMissing ? 'fieldRequired' : 'fieldInvalid');
  }
  return found;
}

type FormProps = Omit<JSX.FormHTMLAttributes<HTMLFormElement>, 'onSubmit' | 'ref'> & {
  state: FormState;
  /** Empty the form once its action went through, so a second tap cannot send the same text again. */
  reset?: boolean;
  ref?: Ref<HTMLFormElement>;
  onSubmit?: (e: SubmitEvent) => void;
  /** The server's name for a field → the form's, where they differ (`{ startsAt: 'date' }`). */
  aliases?: Readonly<Record<string, string>>;
};

/**
 * Every form's one behaviour with errors: the app's message beside the field at fault (never the
 * browser's bubbles), focus on the first of them, and each cleared as soon as its field is fixed.
 * The browser's checks run before sending; the server's field errors arrive the same way.
 * @example <Form state={state} action={save} method="post" reset><Field name="title" … /><SubmitRow … /></Form>
 */
export function Form(props: FormProps) {
  const [own, rest] = splitProps(props, ['state', 'reset', 'ref', 'onSubmit', 'aliases', 'children']);
  let form!: HTMLFormElement;
  const [local, setLocal] = createSignal<Errors>();
  const [fixed, setFixed] = createSignal<ReadonlySet<string>>(new Set());
  const server = createMemo(() =>
    Object.fromEntries(Object.entries(own.state.fields()).map(([name, why]) => [own.aliases?.[name] ?? name, why])),
  );
  const shown = createMemo(() =>
    Object.fromEntries(Object.entries(local() ?? server()).filter(([name]) => !fixed().has(name))),
  );
  const focusFirst = (errors: Errors) => {
    const first = controls(form).find((el) => el.name in errors);
    first?.focus();
    first?.scrollIntoView?.({ block: 'center' });
  };
  createEffect(
    on(
      server,
      (errors) => {
        setLocal(undefined);
        setFixed(new Set<string>());
        if (Object.keys(errors).length) queueMicrotask(() => focusFirst(errors));
      },
      { defer: true },
    ),
  );
  createEffect(on(own.state.done, (done) => done && own.reset && form.reset(), { defer: true }));

  const submit = (e: SubmitEvent) => {
    const found = check(form, own.state);
    if (Object.keys(found).length) {
      // Stops the router's action too: its listener runs after ours.
      e.preventDefault();
      setFixed(new Set<string>());
      setLocal(found);
      focusFirst(found);
      return;
    }
    setLocal(undefined);
    own.onSubmit?.(e);
  };
  const edited = (e: Event) => {
    const el = e.target as Control;
    if (!el.name || !(el.name in shown()) || !el.checkValidity()) return;
    setFixed(new Set([...fixed(), el.name]));
  };
  const summary = () => {
    if (local()) return Object.keys(shown()).length ? t('fixFields') : '';
    const hadFields = Object.keys(server()).length > 0;
    return hadFields && !Object.keys(shown()).length ? '' : own.state.message();
  };
  // Errors about something the form has no field for (a stale version, a link's token) go at its end.
  const [claimed, setClaimed] = createSignal<ReadonlySet<string>>(new Set());
  const claim = (name: string) => setClaimed((names) => new Set([...names, name]));
  const orphans = () => {
    const names = new Set([...claimed(), ...(form ? controls(form).map((el) => el.name) : [])]);
    return Object.entries(shown()).filter(([name]) => !names.has(name));
  };

  return (
    <FormContext.Provider value={{ error: (name) => shown()[name], summary, claim }}>
      <form
        {...rest}
        ref={(el) => {
          form = el;
          if (typeof own.ref === 'function') own.ref(el);
        }}
        novalidate
        onSubmit={submit}
        onInput={edited}
        onChange={edited}
      >
        {own.children}
        <For each={orphans()}>{([, why]) => <p class="form-error">{why}</p>}</For>
      </form>
    </FormContext.Provider>
  );
}
