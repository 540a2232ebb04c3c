import { Show } from 'solid-js';
import { Field } from '../../components/field.tsx';
import { Stars, StepForm } from '../../components/step-form.tsx';
import { StopSms } from '../../components/stop-sms.tsx';
import { api, json } from '../../lib/api.ts';
import { t } from '../../lib/prefs.ts';
import type { Tracking } from './queries.ts';

type Sent = FormData | URLSearchParams;

/** What the resident can still do: add information, confirm, reopen, rate. */
export function ResidentActions(props: { ticket: Tracking; token: string }) {
  const param = () => ({ number: props.ticket.number });
  const text = (form: Sent, name: string) => String(form.get(name) ?? '');
  return (
    <>
      <StopSms
        when={props.ticket.smsActive}
        send={async () =>
          json(await api.messages.stop.ticket.$post({ json: { number: props.ticket.number, token: props.token } }))
        }
      />
      <Show when={props.ticket.canConfirm}>
        <StepForm
          title={t('confirmTitle')}
          button={t('confirmButton')}
          send={async () =>
            json(await api.tickets[':number'].confirm.$post({ param: param(), json: { token: props.token } }))
          }
        />
      </Show>
      <Show when={props.ticket.canRate}>
        <StepForm
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
          <Stars legend={t('rateTitle')} id="rate" preset />
        </StepForm>
      </Show>
      <Show when={props.ticket.rating}>
        {(r) => (
          <p class="card">
            {t('yourRating')}: {'★'.repeat(r().score)} {r().score} {t('stars')} {r().comment ? `· ${r().comment}` : ''}
          </p>
        )}
      </Show>
      <Show when={props.ticket.canReopen}>
        <StepForm
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
        </StepForm>
      </Show>
      <Show when={props.ticket.canAddInfo}>
        <StepForm
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
        </StepForm>
      </Show>
    </>
  );
}
