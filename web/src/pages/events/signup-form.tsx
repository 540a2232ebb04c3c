import { action, redirect, useSubmission } from '@solidjs/router';
import { createSignal, For, Show } from 'solid-js';
import { Field, FieldError, SubmitRow } from '../../components/field.tsx';
import { Form } from '../../components/form.tsx';
import { SavedOnPhone } from '../../components/saved-on-phone.tsx';
import { api, json } from '../../lib/api.ts';
import type { Words } from '../../lib/errors.ts';
import { mySignups, type PublicEvent, signupPath } from '../../lib/events.ts';
import { field, formState, untilHandled } from '../../lib/form-action.ts';
import type { MessageKey } from '../../lib/messages.ts';
import { addressed, keep, offlineOnly } from '../../lib/outbox.ts';
import type { OutboxEntry } from '../../lib/outbox-rules.ts';
import { t } from '../../lib/prefs.ts';
import { seatsText } from './event-bits.tsx';

/** The sign-up form's own words for each field and each reason. */
const words: Words = {
  codes: {
    signup_closed: 'signupClosedError',
    already_signed_up: 'signupAlreadyError',
    too_many_writes: 'signupTooMany',
    network: 'signupNetworkError',
  },
  field: (name, code): MessageKey | undefined => {
    const byField: Record<string, MessageKey> = {
      name: 'signupNameError',
      phone: code === 'already_signed_up' ? 'signupAlreadyError' : 'signupPhoneError',
      seats: 'signupSeatsError',
    };
    return byField[name];
  },
};

/** Signs up and opens the resident's own sign-up page. */
const signUp = action(async (event: PublicEvent, idempotencyKey: string, form: FormData | URLSearchParams) => {
  const param = { id: String(event.id) };
  const input = {
    name: field(form, 'name'),
    phone: String(form.get('phone') ?? ''),
    seats: Number(form.get('seats') ?? 1),
    notifySms: form.get('notifySms') === 'on',
  };
  const done = await untilHandled(async () =>
    json(
      await api.events[':id'].signups.$post({ param, json: input }, { headers: { 'Idempotency-Key': idempotencyKey } }),
    ),
  ).catch(offlineOnly);
  // No network: kept on this phone and sent when it returns (components/outbox-notice.tsx).
  if (!done) {
    const url = addressed.events[':id'].signups.$url({ param }).pathname;
    const about = { id: event.id, title: event.title, startsAt: event.startsAt };
    return keep({ kind: 'signup', url, body: input, idempotencyKey, summary: event.title, event: about });
  }
  mySignups.remember({
    id: done.id,
    token: done.token,
    eventId: event.id,
    title: event.title,
    startsAt: event.startsAt,
  });
  throw redirect(signupPath(done));
}, 'event-signup');

/** Sign-up without an account: a name to call out at the door, a phone, and 1–3 seats. */
export function SignupForm(props: { event: PublicEvent }) {
  const submission = useSubmission(signUp, ([event]) => event.id === props.event.id);
  const state = formState(submission, words);
  const kept = () => submission.result as OutboxEntry | undefined;
  // One key per filled-in form: pressing again on a bad network never signs up twice.
  const idempotencyKey = crypto.randomUUID();
  const [seats, setSeats] = createSignal(1);
  /** Before the resident confirms: how many seats are left, and what happens if they ask for more. */
  const seatsNote = () => {
    const left = props.event.seatsLeft;
    if (left === null || left === 0) return '';
    return seats() > left ? t('signupSeatsOver', { left, n: seats() }) : t('signupSeatsLeft', { left });
  };

  return (
    <Show when={!kept()} fallback={<SavedOnPhone entry={kept()!} />}>
      <Form
        state={state}
        class="stack card"
        action={signUp.with(props.event, idempotencyKey)}
        method="post"
        aria-labelledby="signup-title"
      >
        <h2 id="signup-title">{t('signupTitle')}</h2>
        <Show when={props.event.seatsLeft === 0}>
          <p class="notice">{t('signupWillWait')}</p>
        </Show>
        <Field name="name" label={t('signupName')} autocomplete="name" required maxLength={40} />
        <Field
          name="phone"
          label={t('signupPhone')}
          hint={t('signupPhoneHint')}
          type="tel"
          inputMode="tel"
          autocomplete="tel"
          required
        />
        <fieldset class="choices" aria-describedby="field-seats-error">
          <legend>{t('signupSeats')}</legend>
          <For each={[1, 2, 3]}>
            {(n) => (
              <label class="choice">
                <input type="radio" name="seats" value={n} checked={n === 1} onChange={() => setSeats(n)} />{' '}
                {seatsText(n)}
              </label>
            )}
          </For>
        </fieldset>
        <p class="hint" classList={{ notice: seats() > (props.event.seatsLeft ?? Infinity) }} aria-live="polite">
          {seatsNote()}
        </p>
        <FieldError name="seats" />
        <label class="check">
          <input type="checkbox" name="notifySms" /> {t('notifySmsEventLabel')}
        </label>
        <SubmitRow busy={state.busy()} label={t('signupButton')} />
      </Form>
    </Show>
  );
}
