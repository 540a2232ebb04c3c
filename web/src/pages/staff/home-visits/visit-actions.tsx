import { createAsync } from '@solidjs/router';
import { For, Show } from 'solid-js';
import { Field, FieldError } from '../../../components/field.tsx';
import { placeName, t, tKey } from '../../../lib/prefs.ts';
import { ActionDone, ActionForm, TextArea, text } from './action-form.tsx';
import { getPartnerFigures, type StaffVisit, type VisitActionName } from './queries.ts';
import { SlotFields, slotOf } from './slot-fields.tsx';

const optional = (f: FormData | URLSearchParams, name: string) => text(f, name) || undefined;

/** The partners serving the visit's community; empty means the service's own. */
function PartnerSelect(props: { community: string }) {
  const partners = createAsync(() => getPartnerFigures(props.community));
  return (
    <>
      <label for="act-send-partner">{t('hvSendPartner')}</label>
      <select id="act-send-partner" name="partner">
        <option value="">{t('hvSendDefault')}</option>
        <For each={partners()?.partners}>{(p) => <option value={p.slug}>{placeName(p)}</option>}</For>
      </select>
      <FieldError name="partner" id="act-send-partner-error" />
    </>
  );
}

/** A set of radio choices named `name`, the first one chosen. */
function Choices(props: { name: string; legend: string; values: string[]; prefix: string }) {
  return (
    <fieldset>
      <legend>{props.legend}</legend>
      <For each={props.values}>
        {(v, i) => (
          <label class="check">
            <input type="radio" name={props.name} value={v} checked={i() === 0} /> {tKey(props.prefix, v)}
          </label>
        )}
      </For>
    </fieldset>
  );
}

/** The community's actions: review, ask, reject, send to a partner, cancel. */
function CoordinateActions(props: { visit: StaffVisit; has: (a: VisitActionName) => boolean }) {
  const n = () => props.visit.number;
  const version = () => props.visit.version;
  return (
    <>
      <Show when={props.has('approve')}>
        <ActionForm
          number={n()}
          action="approve"
          build={(f) => ({ action: 'approve', version: version(), note: optional(f, 'note') })}
        >
          <TextArea action="approve" name="note" label={t('noteLabel')} required={false} />
        </ActionForm>
      </Show>
      <Show when={props.has('ask_info')}>
        <ActionForm
          number={n()}
          action="ask_info"
          build={(f) => ({ action: 'ask_info', version: version(), message: text(f, 'message') })}
        >
          <TextArea action="ask_info" name="message" label={t('hvMessageLabel')} max={1000} />
        </ActionForm>
      </Show>
      <Show when={props.has('send')}>
        <ActionForm
          number={n()}
          action="send"
          build={(f) => ({
            action: 'send',
            version: version(),
            partner: optional(f, 'partner'),
            note: optional(f, 'note'),
          })}
        >
          <PartnerSelect community={props.visit.community.slug} />
          <TextArea action="send" name="note" label={t('noteLabel')} required={false} />
        </ActionForm>
      </Show>
      <Show when={props.has('reject')}>
        <ActionForm
          number={n()}
          action="reject"
          build={(f) => ({ action: 'reject', version: version(), reason: text(f, 'reason') })}
        >
          <TextArea action="reject" name="reason" label={t('reasonLabel')} max={1000} />
        </ActionForm>
      </Show>
      <Show when={props.has('cancel')}>
        <ActionForm
          number={n()}
          action="cancel"
          build={(f) => ({ action: 'cancel', version: version(), reason: text(f, 'reason') })}
        >
          <TextArea action="cancel" name="reason" label={t('reasonLabel')} max={1000} />
        </ActionForm>
      </Show>
    </>
  );
}

/** The partner's actions: accept with a time and a visitor, decline, propose or confirm a time, record the outcome. */
function ServeActions(props: { visit: StaffVisit; has: (a: VisitActionName) => boolean }) {
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

/** The actions the server offers this staff member on this visit now (it decides, the page only shows). */
export function VisitActions(props: { visit: StaffVisit; actions: VisitActionName[] }) {
  const has = (a: VisitActionName) => props.actions.includes(a);
  return (
    <section aria-labelledby="visit-actions">
      <h2 id="visit-actions">{t('actionsTitle')}</h2>
      <ActionDone number={props.visit.number} />
      <CoordinateActions visit={props.visit} has={has} />
      <ServeActions visit={props.visit} has={has} />
      <Show when={has('note')}>
        <ActionForm
          number={props.visit.number}
          action="note"
          build={(f) => ({ action: 'note', visibility: text(f, 'visibility') as 'internal', body: text(f, 'body') })}
        >
          <Choices
            name="visibility"
            legend={t('visibilityLabel')}
            values={['internal', 'public']}
            prefix="visibility"
          />
          <TextArea action="note" name="body" label={t('hvAct_note')} />
        </ActionForm>
      </Show>
    </section>
  );
}
