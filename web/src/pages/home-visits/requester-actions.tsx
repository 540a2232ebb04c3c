import { Show } from 'solid-js';
import { Field } from '../../components/field.tsx';
import { Stars, StepForm } from '../../components/step-form.tsx';
import { api, json } from '../../lib/api.ts';
import { t } from '../../lib/prefs.ts';
import type { VisitTracking } from './queries.ts';

type Sent = FormData | URLSearchParams;
const visits = api['home-visits'][':number'];

const text = (form: Sent, name: string) => String(form.get(name) ?? '').trim();
const rating = (form: Sent) => ({
  score: text(form, 'score') ? Number(text(form, 'score')) : undefined,
  comment: text(form, 'comment') || undefined,
});

/** What the requester may do now, as the server says: answer the slot, add information, confirm, rate. */
export function RequesterActions(props: { visit: VisitTracking; token: string }) {
  const param = () => ({ number: props.visit.number });
  const token = () => props.token;
  return (
    <>
      <Show when={props.visit.canConfirmSlot}>
        <StepForm
          title={t('hvConfirmSlotTitle')}
          button={t('hvConfirmSlotButton')}
          send={async () =>
            json(await visits.slot.$post({ param: param(), json: { token: token(), answer: 'confirm' } }))
          }
        />
      </Show>
      <Show when={props.visit.canAskOtherSlot}>
        <StepForm
          title={t('hvOtherSlotTitle')}
          button={t('hvOtherSlotButton')}
          send={async (f) =>
            json(
              await visits.slot.$post({
                param: param(),
                json: { token: token(), answer: 'other', message: text(f, 'message') },
              }),
            )
          }
        >
          <Field
            name="message"
            id="other-slot-message"
            label={t('hvOtherSlotMessage')}
            hint={t('hvPreferredHint')}
            multiline
            rows="2"
            required
            maxLength={1000}
          />
        </StepForm>
      </Show>
      <Show when={props.visit.canAddInfo}>
        <StepForm
          title={t('hvAddInfoTitle')}
          button={t('hvAddInfoButton')}
          send={async (f) =>
            json(await visits.info.$post({ param: param(), json: { token: token(), message: text(f, 'message') } }))
          }
        >
          <Field
            name="message"
            id="info-message"
            label={t('hvAddInfoLabel')}
            multiline
            rows="3"
            required
            maxLength={1000}
          />
        </StepForm>
      </Show>
      <Show when={props.visit.canConfirmVisit}>
        <StepForm
          title={t('hvConfirmVisitTitle')}
          hint={t('hvConfirmVisitHint')}
          button={t('hvConfirmVisitButton')}
          send={async (f) =>
            json(await visits.confirm.$post({ param: param(), json: { token: token(), ...rating(f) } }))
          }
        >
          <Stars legend={t('hvScoreLabel')} id="confirm" />
        </StepForm>
      </Show>
      <Show when={props.visit.canRate && !props.visit.canConfirmVisit}>
        <StepForm
          title={t('hvRateTitle')}
          button={t('rateButton')}
          send={async (f) => {
            const { score, comment } = rating(f);
            return json(
              await visits.rating.$post({ param: param(), json: { token: token(), score: score ?? 5, comment } }),
            );
          }}
        >
          <Stars legend={t('hvRateTitle')} id="rate" preset />
        </StepForm>
      </Show>
      <Show when={props.visit.rating}>
        {(r) => (
          <p class="card">
            {t('yourRating')}: {'★'.repeat(r().score)} {r().score} {t('stars')} {r().comment ? `· ${r().comment}` : ''}
          </p>
        )}
      </Show>
    </>
  );
}
