import { type Action, action, revalidate, useSubmission } from '@solidjs/router';
import { type JSX, Show } from 'solid-js';
import { Field, SubmitRow } from '../../../components/field.tsx';
import { Form } from '../../../components/form.tsx';
import { ApiFailure, api, json } from '../../../lib/api.ts';
import { formState, field as text } from '../../../lib/form-action.ts';
import { t } from '../../../lib/prefs.ts';
import { getOrganiserEvent, type StaffEvent } from './data.ts';

type Sent = FormData | URLSearchParams;

/** Runs one change to an event; a version conflict reloads the event so the next try names the new version. */
async function change<T>(send: () => Promise<T>): Promise<T> {
  try {
    return await send();
  } catch (err) {
    if (err instanceof ApiFailure && err.code === 'version_conflict') await revalidate(getOrganiserEvent.key);
    throw err;
  }
}

const cancelEvent = action(
  (id: number, version: number, f: Sent) =>
    change(async () =>
      json(
        await api.organiser.events[':id'].cancel.$post({
          param: { id: String(id) },
          json: { version, reason: text(f, 'reason') },
        }),
      ),
    ),
  'organiser-event-cancel',
);
const saveSummary = action(
  (id: number, version: number, f: Sent) =>
    change(async () =>
      json(
        await api.organiser.events[':id'].summary.$post({
          param: { id: String(id) },
          json: {
            version,
            summary: text(f, 'summary'),
            attendance: text(f, 'attendance') ? Number(text(f, 'attendance')) : null,
            venues: text(f, 'venues') ? Number(text(f, 'venues')) : null,
            groups: text(f, 'groups') ? Number(text(f, 'groups')) : null,
            articleId: text(f, 'articleId') ? Number(text(f, 'articleId')) : null,
          },
        }),
      ),
    ),
  'organiser-event-summary',
);

/** A collapsible form for one change, with the answer to its last try in the reader's words. */
function ChangeForm(props: {
  title: string;
  button: string;
  action: Action<[Sent], unknown>;
  state: ReturnType<typeof formState>;
  children: JSX.Element;
  open?: boolean;
}) {
  return (
    <details class="card action" open={props.open}>
      <summary>{props.title}</summary>
      <Form state={props.state} class="stack" action={props.action} method="post">
        {props.children}
        <SubmitRow busy={props.state.busy()} label={props.button} />
        <p role="status">{props.state.done() ? t('sent') : ''}</p>
      </Form>
    </details>
  );
}

const conflict = { codes: { version_conflict: 'eventConflictReload' } } as const;

/** Cancelling a session: residents' sign-up pages then say so, with this reason. */
export function CancelEvent(props: { event: StaffEvent }) {
  const state = formState(
    useSubmission(cancelEvent, ([id]) => id === props.event.id),
    conflict,
  );
  return (
    <ChangeForm
      title={t('cancelEvent')}
      button={t('cancelEventButton')}
      action={cancelEvent.with(props.event.id, props.event.version)}
      state={state}
    >
      <Field
        name="reason"
        label={t('cancelReasonLabel')}
        hint={t('cancelReasonHint')}
        multiline
        required
        maxLength={500}
      />
    </ChangeForm>
  );
}

/**
 * Afterwards: what happened, how many came (the door count unless corrected), how many
 * loudspeaker sites or WeChat groups it reached (for the outreach figures), the news report.
 */
export function SummaryForm(props: { event: StaffEvent }) {
  const state = formState(
    useSubmission(saveSummary, ([id]) => id === props.event.id),
    conflict,
  );
  return (
    <ChangeForm
      title={t('summaryTitle')}
      button={t('saveSummary')}
      action={saveSummary.with(props.event.id, props.event.version)}
      state={state}
      open={props.event.status === 'scheduled'}
    >
      <Field
        name="summary"
        label={t('summaryLabel')}
        multiline
        required
        value={props.event.summary ?? ''}
        maxLength={4000}
      />
      <Field
        name="attendance"
        label={t('attendanceLabel')}
        hint={t('attendanceHint', { n: props.event.checkedInSeats })}
        type="number"
        inputMode="numeric"
        min="0"
        value={props.event.attendance ?? props.event.checkedInSeats}
      />
      <Show when={props.event.channel === 'loudspeaker'}>
        <Field
          name="venues"
          label={t('venuesLabel')}
          hint={t('venuesHint')}
          type="number"
          inputMode="numeric"
          min="0"
          value={props.event.venues ?? ''}
        />
      </Show>
      <Show when={props.event.channel === 'online'}>
        <Field
          name="groups"
          label={t('groupsLabel')}
          hint={t('groupsHint')}
          type="number"
          inputMode="numeric"
          min="0"
          value={props.event.groups ?? ''}
        />
      </Show>
      <Field
        name="articleId"
        label={t('articleIdLabel')}
        hint={t('articleIdHint')}
        type="number"
        inputMode="numeric"
        min="1"
        value={props.event.articleId ?? ''}
      />
    </ChangeForm>
  );
}
