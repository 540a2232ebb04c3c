import { Show } from 'solid-js';
import { Field } from '../../../components/field.tsx';
import { t } from '../../../lib/prefs.ts';
import { ActionForm, Choices, optional, TextArea, text } from './action-form.tsx';
import type { StaffVisit, VisitActionName } from './queries.ts';
import { SlotFields, slotOf } from './slot-fields.tsx';

/** The partner's actions: accept with a time and a visitor, decline, propose or confirm a time, record the outcome. */
export function ServeActions(props: { visit: StaffVisit; has: (a: VisitActionName) => boolean }) {
  const n = () => props.visit.number;
  const version = () => props.visit.version;
  return (
    <>
      <Show when={props.has('accept')}>
        <ActionForm
          number={n()}
          action="accept"
          build={(f) => ({
            action: 'accept',
            version: version(),
            slot: slotOf(f),
            visitorName: optional(f, 'visitorName'),
            note: optional(f, 'note'),
          })}
        >
          <SlotFields action="accept" optional />
          <Field name="visitorName" id="act-accept-visitorName" label={t('hvVisitorOptional')} maxLength={40} />
          <TextArea action="accept" name="note" label={t('noteLabel')} required={false} />
        </ActionForm>
      </Show>
      <Show when={props.has('propose')}>
        <ActionForm
          number={n()}
          action="propose"
          build={(f) => ({
            action: 'propose',
            version: version(),
            slot: slotOf(f)!,
            visitorName: optional(f, 'visitorName'),
            note: optional(f, 'note'),
          })}
        >
          <SlotFields action="propose" />
          <Field
            name="visitorName"
            id="act-propose-visitorName"
            label={t('hvVisitorOptional')}
            value={props.visit.visitorName ?? ''}
            maxLength={40}
          />
          <TextArea action="propose" name="note" label={t('noteLabel')} required={false} />
        </ActionForm>
      </Show>
      <Show when={props.has('schedule')}>
        <ActionForm
          number={n()}
          action="schedule"
          build={(f) => ({
            action: 'schedule',
            version: version(),
            slot: slotOf(f)!,
            visitorName: text(f, 'visitorName'),
            note: optional(f, 'note'),
          })}
        >
          <SlotFields action="schedule" />
          <Field
            name="visitorName"
            id="act-schedule-visitorName"
            label={t('hvVisitorNameLabel')}
            value={props.visit.visitorName ?? ''}
            required
            maxLength={40}
          />
          <TextArea action="schedule" name="note" label={t('noteLabel')} required={false} />
        </ActionForm>
      </Show>
      <Show when={props.has('done')}>
        <ActionForm
          number={n()}
          action="done"
          build={(f) => ({ action: 'done', version: version(), note: optional(f, 'note') })}
        >
          <TextArea action="done" name="note" label={t('hvDoneNote')} required={false} />
        </ActionForm>
      </Show>
      <Show when={props.has('not_completed')}>
        <ActionForm
          number={n()}
          action="not_completed"
          build={(f) => ({
            action: 'not_completed',
            version: version(),
            reason: text(f, 'reason'),
            nextStep: text(f, 'nextStep') as 'revisit',
          })}
        >
          <TextArea action="not_completed" name="reason" label={t('reasonLabel')} max={1000} />
          <Choices name="nextStep" legend={t('hvNextStep')} values={['revisit', 'community', 'none']} prefix="hvNext" />
        </ActionForm>
      </Show>
      <Show when={props.has('decline')}>
        <ActionForm
          number={n()}
          action="decline"
          build={(f) => ({ action: 'decline', version: version(), reason: text(f, 'reason') })}
        >
          <TextArea action="decline" name="reason" label={t('reasonLabel')} max={1000} />
        </ActionForm>
      </Show>
    </>
  );
}
