import { useNavigate } from '@solidjs/router';
import { createSignal, For, Show } from 'solid-js';
import { Field, SubmitRow } from '../../components/field.tsx';
import { api, ApiFailure, json } from '../../lib/api.ts';
import { mySignups, signupPath, type PublicEvent } from '../../lib/events.ts';
import { t } from '../../lib/prefs.ts';
import { seatsText } from './event-bits.tsx';

/** The server's refusal in the resident's language: plain words for each field and each reason. */
function explain(err: unknown): { fields: Record<string, string>; message: string } {
  if (!(err instanceof ApiFailure)) return { fields: {}, message: t('signupNetworkError') };
  const words: Record<string, string> = { name: t('signupNameError'), phone: err.code === 'already_signed_up' ? t('signupAlreadyError') : t('signupPhoneError'), seats: t('signupSeatsError') };
  const fields = Object.fromEntries(Object.keys(err.fields).map((k) => [k, words[k] ?? err.fields[k]!]));
  const byCode: Record<string, string> = { signup_closed: t('signupClosedError'), already_signed_up: t('signupAlreadyError'), too_many_writes: t('signupTooMany') };
  return { fields, message: byCode[err.code] ?? (Object.keys(fields).length ? t('fixFields') : err.message) };
}

/** Sign-up without an account: a name to call out at the door, a phone, and 1–3 seats. */
export function SignupForm(props: { event: PublicEvent }) {
  const navigate = useNavigate();
  const [errors, setErrors] = createSignal<Record<string, string>>({});
  const [message, setMessage] = createSignal('');
  const [busy, setBusy] = createSignal(false);
  // One key per filled-in form: pressing again on a bad network never signs up twice.
  const idempotencyKey = crypto.randomUUID();

  const submit = async (e: SubmitEvent) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget as HTMLFormElement);
    setBusy(true);
    setErrors({});
    setMessage('');
    try {
      const res = await api.events[':id'].signups.$post(
        { param: { id: String(props.event.id) }, json: { name: String(form.get('name') ?? '').trim(), phone: String(form.get('phone') ?? ''), seats: Number(form.get('seats') ?? 1) } },
        { headers: { 'Idempotency-Key': idempotencyKey } },
      );
      const done = await json(res);
      mySignups.remember({ id: done.id, token: done.token, eventId: props.event.id, title: props.event.title, startsAt: props.event.startsAt });
      navigate(signupPath(done));
    } catch (err) {
      const { fields, message } = explain(err);
      setErrors(fields);
      setMessage(message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="stack card" onSubmit={submit} novalidate aria-labelledby="signup-title">
      <h2 id="signup-title">{t('signupTitle')}</h2>
      <Show when={props.event.seatsLeft === 0}>
        <p class="notice">{t('signupWillWait')}</p>
      </Show>
      <Field name="name" label={t('signupName')} error={errors().name} autocomplete="name" required maxLength={40} />
      <Field name="phone" label={t('signupPhone')} hint={t('signupPhoneHint')} error={errors().phone} type="tel" inputMode="tel" autocomplete="tel" required />
      <fieldset class="choices" aria-invalid={!!errors().seats}>
        <legend>{t('signupSeats')}</legend>
        <For each={[1, 2, 3]}>
          {(n) => (
            <label class="choice">
              <input type="radio" name="seats" value={n} checked={n === 1} /> {seatsText(n)}
            </label>
          )}
        </For>
      </fieldset>
      <Show when={errors().seats}>
        <p class="form-error">{errors().seats}</p>
      </Show>
      <SubmitRow message={message()} busy={busy()} label={t('signupButton')} />
    </form>
  );
}
