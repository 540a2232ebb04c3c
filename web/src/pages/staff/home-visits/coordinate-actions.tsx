import { createAsync } from '@solidjs/router';
import { For, Show } from 'solid-js';
import { FieldError } from '../../../components/field.tsx';
import { placeName, t } from '../../../lib/prefs.ts';
import { ActionForm, optional, TextArea, text } from './action-form.tsx';
import { getPartnerFigures, type StaffVisit, type VisitActionName } from './queries.ts';

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

/** The community's actions: review, ask, reject, send to a partner, cancel. */
export function CoordinateActions(props: { visit: StaffVisit; has: (a: VisitActionName) => boolean }) {
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
