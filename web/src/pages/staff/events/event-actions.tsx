import { revalidate } from '@solidjs/router';
import { createSignal, type JSX } from 'solid-js';
import { Field } from '../../../components/field.tsx';
import { api, ApiFailure, json } from '../../../lib/api.ts';
import { t } from '../../../lib/prefs.ts';
import { getOrganiserEvent, type StaffEvent } from './data.ts';

/** A collapsible form for one change; a version conflict reloads the event and says so. */
export function ChangeForm(props: { title: string; button: string; send: (form: FormData) => Promise<unknown>; children: (errors: Record<string, string>) => JSX.Element; open?: boolean }) {
  const [errors, setErrors] = createSignal<Record<string, string>>({});
  const [message, setMessage] = createSignal('');
  const submit = async (e: SubmitEvent) => {
    e.preventDefault();
    setErrors({});
    setMessage('');
    try {
      await props.send(new FormData(e.currentTarget as HTMLFormElement));
      setMessage(t('sent'));
      await revalidate(getOrganiserEvent.key);
    } catch (err) {
      if (err instanceof ApiFailure && err.code === 'version_conflict') {
        await revalidate(getOrganiserEvent.key);
        setMessage(t('eventConflictReload'));
      } else {
        if (err instanceof ApiFailure) setErrors(err.fields);
        setMessage((err as Error).message);
      }
    }
  };
  return (
    <details class="card action" open={props.open}>
      <summary>{props.title}</summary>
      <form class="stack" onSubmit={submit} novalidate>
        {props.children(errors())}
        <button class="button" type="submit">
          {props.button}
        </button>
        <p role="status">{message()}</p>
      </form>
    </details>
  );
}

const text = (f: FormData, name: string) => String(f.get(name) ?? '').trim();

/** Cancelling a session: residents' sign-up pages then say so, with this reason. */
export function CancelEvent(props: { event: StaffEvent }) {
  const send = async (f: FormData) =>
    json(await api.organiser.events[':id'].cancel.$post({ param: { id: String(props.event.id) }, json: { version: props.event.version, reason: text(f, 'reason') } }));
  return (
    <ChangeForm title={t('cancelEvent')} button={t('cancelEventButton')} send={send}>
      {(errors) => <Field name="reason" label={t('cancelReasonLabel')} hint={t('cancelReasonHint')} error={errors.reason} multiline required maxLength={500} />}
    </ChangeForm>
  );
}

/** Afterwards: what happened, how many came (the door count unless corrected), the news report. */
export function SummaryForm(props: { event: StaffEvent }) {
  const send = async (f: FormData) =>
    json(
      await api.organiser.events[':id'].summary.$post({
        param: { id: String(props.event.id) },
        json: {
          version: props.event.version,
          summary: text(f, 'summary'),
          attendance: text(f, 'attendance') ? Number(text(f, 'attendance')) : null,
          articleId: text(f, 'articleId') ? Number(text(f, 'articleId')) : null,
        },
      }),
    );
  return (
    <ChangeForm title={t('summaryTitle')} button={t('saveSummary')} send={send} open={props.event.status === 'scheduled'}>
      {(errors) => (
        <>
          <Field name="summary" label={t('summaryLabel')} error={errors.summary} multiline required value={props.event.summary ?? ''} maxLength={4000} />
          <Field name="attendance" label={t('attendanceLabel')} hint={t('attendanceHint', { n: props.event.checkedInSeats })} error={errors.attendance} type="number" inputMode="numeric" min="0" value={props.event.attendance ?? props.event.checkedInSeats} />
          <Field name="articleId" label={t('articleIdLabel')} hint={t('articleIdHint')} error={errors.articleId} type="number" inputMode="numeric" min="1" value={props.event.articleId ?? ''} />
        </>
      )}
    </ChangeForm>
  );
}
