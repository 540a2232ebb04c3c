import { action, useSubmission } from '@solidjs/router';
import { For, type JSX, Show } from 'solid-js';
import { Field, SubmitRow } from '../../components/field.tsx';
import { Form } from '../../components/form.tsx';
import { api, json } from '../../lib/api.ts';
import { formState } from '../../lib/form-action.ts';
import { t } from '../../lib/prefs.ts';
import type { Tracking } from './queries.ts';

type Sent = FormData | URLSearchParams;

/** One resident action on their ticket; the router then reloads the ticket's data. */
const residentAction = action(async (_title: string, send: (form: Sent) => Promise<unknown>, form: Sent) => {
  await send(form);
  return true;
}, 'resident-ticket-action');

/** A small form that posts one resident action; once it went through, the form is emptied. */
function ActionForm(props: {
  title: string;
  button: string;
  send: (form: Sent) => Promise<unknown>;
  children?: JSX.Element;
}) {
  const state = formState(useSubmission(residentAction, ([title]) => title === props.title));
  return (
    <Form state={state} class="stack card" action={residentAction.with(props.title, props.send)} method="post" reset>
      <h2>{props.title}</h2>
      {props.children}
      <SubmitRow busy={state.busy()} label={props.button} />
      <Show when={state.done()}>
        <p role="status">{t('sent')}</p>
      </Show>
    </Form>
  );
}

/** What the resident can still do: add information, confirm, reopen, rate. */
export function ResidentActions(props: { ticket: Tracking; token: string }) {
  const param = () => ({ number: props.ticket.number });
  const text = (form: Sent, name: string) => String(form.get(name) ?? '');
  return (
    <>
      <Show when={props.ticket.canConfirm}>
        <ActionForm
          title={t('confirmTitle')}
          button={t('confirmButton')}
          send={async () =>
            json(await api.tickets[':number'].confirm.$post({ param: param(), json: { token: props.token } }))
          }
        />
      </Show>
      <Show when={props.ticket.canRate}>
        <ActionForm
          title={t('rateTitle')}
          button={t('rateButton')}
          send={async (f) =>
            json(
              await api.tickets[':number'].rating.$post({
                param: param(),
                json: { token: props.token, score: Number(text(f, 'score')), comment: text(f, 'comment') || undefined },
              }),
            )
          }
        >
          <fieldset class="stars">
            <legend>{t('rateTitle')}</legend>
            <For each={[5, 4, 3, 2, 1]}>
              {(n) => (
                <label class="choice">
                  <input type="radio" name="score" value={n} checked={n === 5} /> {'★'.repeat(n)} {n} {t('stars')}
                </label>
              )}
            </For>
          </fieldset>
          <Field name="comment" id="rate-comment" label={t('rateComment')} multiline rows="2" maxLength={500} />
        </ActionForm>
      </Show>
      <Show when={props.ticket.rating}>
        {(r) => (
          <p class="card">
            {t('yourRating')}: {'★'.repeat(r().score)} {r().score} {t('stars')} {r().comment ? `· ${r().comment}` : ''}
          </p>
        )}
      </Show>
      <Show when={props.ticket.canReopen}>
        <ActionForm
          title={t('reopenTitle')}
          button={t('reopenButton')}
          send={async (f) =>
            json(
              await api.tickets[':number'].reopen.$post({
                param: param(),
                json: { token: props.token, reason: text(f, 'reason') },
              }),
            )
          }
        >
          <Field
            name="reason"
            id="reopen-reason"
            label={t('reopenReason')}
            multiline
            rows="2"
            required
            maxLength={1000}
          />
        </ActionForm>
      </Show>
      <Show when={props.ticket.canAddInfo}>
        <ActionForm
          title={t('addInfoTitle')}
          button={t('addInfoButton')}
          send={async (f) =>
            json(
              await api.tickets[':number'].info.$post({
                param: param(),
                json: { token: props.token, message: text(f, 'message') },
              }),
            )
          }
        >
          <Field
            name="message"
            id="info-message"
            label={t('addInfoTitle')}
            multiline
            rows="3"
            required
            maxLength={1000}
          />
        </ActionForm>
      </Show>
    </>
  );
}
