import { action, redirect, useSubmission } from '@solidjs/router';
import { createSignal, For, Show } from 'solid-js';
import { Field, FieldError, SubmitRow } from '../../components/field.tsx';
import { Form } from '../../components/form.tsx';
import { SavedOnPhone } from '../../components/saved-on-phone.tsx';
import { api, type Community, json } from '../../lib/api.ts';
import type { Words } from '../../lib/errors.ts';
import { field, formState, untilHandled } from '../../lib/form-action.ts';
import { myVisits } from '../../lib/my-tickets.ts';
import { addressed, isNetworkFailure, keep } from '../../lib/outbox.ts';
import { type OutboxEntry, summarize } from '../../lib/outbox-rules.ts';
import { messageKey, placeName, t, tKey } from '../../lib/prefs.ts';
import { AddressFields, ServiceChoice } from './form-parts.tsx';
import { flatFields, type VisitService, visitPath } from './queries.ts';

export type NewVisit = Parameters<(typeof api)['home-visits']['$post']>[0]['json'];
type Relation = NewVisit['forWhom']['relation'];
type Reason = NewVisit['reason']['kind'];

/** Staff take calls on their own pages; residents ask for themselves or for someone close. */
const relations: Relation[] = ['self', 'family', 'neighbour', 'volunteer'];
const reasons: Reason[] = ['mobility', 'illness', 'age', 'other'];

/** The form's own words per field (`forWhom_name`), and for a phone that sent too many today. */
const words: Words = {
  codes: { too_many_writes: 'hvTooMany' },
  field: (name) => messageKey(`visitErr_${name}`),
};

/** Sends the request, remembers it on this phone and opens its private tracking page. */
const requestVisit = action(async (community: string, idempotencyKey: string, form: FormData | URLSearchParams) => {
  const relation = field(form, 'forWhom_relation') as Relation;
  const input: NewVisit = {
    community,
    service: field(form, 'service'),
    forWhom: { relation, name: field(form, 'forWhom_name'), addressAs: field(form, 'forWhom_addressAs') },
    address: {
      compound: field(form, 'address_compound') || undefined,
      building: field(form, 'address_building'),
      unit: field(form, 'address_unit'),
      room: field(form, 'address_room'),
    },
    phone: field(form, 'phone'),
    reason: { kind: field(form, 'reason_kind') as Reason, note: field(form, 'reason_note') || undefined },
    preferredTimes: field(form, 'preferredTimes'),
    name: (relation !== 'self' && field(form, 'name')) || undefined,
    consent: (form.get('consent') === 'on') as true,
    notifySms: form.get('notifySms') === 'on',
  };
  const made = await untilHandled(async () =>
    json(await api['home-visits'].$post({ json: input }, { headers: { 'Idempotency-Key': idempotencyKey } })),
  ).catch((err: unknown) => {
    if (isNetworkFailure(err)) return undefined;
    throw flatFields(err);
  });
  // No network: kept on this phone and sent when it returns (components/outbox-notice.tsx).
  if (!made) {
    const url = addressed['home-visits'].$url().pathname;
    const summary = summarize(input.forWhom.name);
    return keep({ kind: 'home_visit', url, body: input, idempotencyKey, summary });
  }
  myVisits.remember({ ...made, at: Date.now() });
  throw redirect(visitPath(made));
}, 'home-visit-request');

/**
 * The request, in the order a caller at the desk is asked: for whom first, then what, who, where,
 * a phone, why they cannot come, when suits, and consent to how long it is kept.
 */
export function VisitForm(props: { community: Community; services: VisitService[]; retentionDays: number }) {
  const submission = useSubmission(requestVisit);
  const state = formState(submission, words);
  const kept = () => submission.result as OutboxEntry | undefined;
  const [relation, setRelation] = createSignal<Relation>();
  // One key per filled-in form: pressing Send again on a bad network never asks twice.
  const idempotencyKey = crypto.randomUUID();
  return (
    <Show when={!kept()} fallback={<SavedOnPhone entry={kept()!} />}>
      <Form
        state={state}
        class="stack card visit-form"
        action={requestVisit.with(props.community.slug, idempotencyKey)}
        method="post"
        aria-labelledby="visit-form-title"
      >
        <h2 id="visit-form-title">{t('hvFormTitle')}</h2>
        <fieldset class="choices" aria-describedby="field-forWhom_relation-error">
          <legend>{t('hvForWhomLabel')}</legend>
          <For each={relations}>
            {(r) => (
              <label class="choice">
                <input type="radio" name="forWhom_relation" value={r} required onChange={() => setRelation(r)} />
                <span>
                  <strong>{tKey('hvRelation', r)}</strong>
                </span>
              </label>
            )}
          </For>
        </fieldset>
        <FieldError name="forWhom_relation" />
        <ServiceChoice services={props.services} />
        <Field
          name="forWhom_name"
          label={relation() === 'self' ? t('hvPersonNameSelf') : t('hvPersonName')}
          autocomplete={relation() === 'self' ? 'name' : 'off'}
          required
          maxLength={40}
        />
        <Field name="forWhom_addressAs" label={t('hvAddressAs')} hint={t('hvAddressAsHint')} required maxLength={20} />
        <Show when={relation() && relation() !== 'self'}>
          <Field name="name" label={t('hvYourName')} autocomplete="name" maxLength={40} />
        </Show>
        <AddressFields compounds={props.community.compounds} />
        <Field name="phone" label={t('hvPhone')} type="tel" inputMode="tel" autocomplete="tel" required />
        <fieldset class="choices" aria-describedby="field-reason_kind-error">
          <legend>{t('hvReasonLabel')}</legend>
          <For each={reasons}>
            {(r) => (
              <label class="choice">
                <input type="radio" name="reason_kind" value={r} required />
                <span>{tKey('hvReason', r)}</span>
              </label>
            )}
          </For>
        </fieldset>
        <FieldError name="reason_kind" />
        <Field name="reason_note" label={t('hvReasonNote')} multiline rows="2" maxLength={500} />
        <Field name="preferredTimes" label={t('hvPreferred')} hint={t('hvPreferredHint')} maxLength={200} />
        <label class="check">
          <input type="checkbox" name="notifySms" /> {t('notifySmsLabel')}
        </label>
        <label class="check">
          <input type="checkbox" name="consent" required aria-describedby="field-consent-error" />{' '}
          {t('hvConsent', { days: props.retentionDays })}
        </label>
        <FieldError name="consent" />
        <p class="muted">{placeName(props.community)}</p>
        <SubmitRow busy={state.busy()} label={t('hvSubmit')} />
      </Form>
    </Show>
  );
}
