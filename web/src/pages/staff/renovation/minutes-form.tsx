import { action, useSubmission } from '@solidjs/router';
import { Index } from 'solid-js';
import { Field, FieldError, SubmitRow } from '../../../components/field.tsx';
import { Form } from '../../../components/form.tsx';
import { api, json } from '../../../lib/api.ts';
import { field, formState } from '../../../lib/form-action.ts';
import { t } from '../../../lib/prefs.ts';
import {
  type MinutesBody,
  orNull,
  publicLabel,
  renoWords,
  type StaffMeeting,
  type StaffProject,
  write,
} from './data.ts';
import { DecisionFields } from './decision-fields.tsx';

type Sent = FormData | URLSearchParams;
type Decision = MinutesBody['decisions'][number];

/** The minutes and one decision per agenda item, read from the fields numbered by position. */
function readMinutes(f: Sent, agenda: StaffMeeting['agenda']): Omit<MinutesBody, 'version'> {
  return {
    minutes: field(f, 'minutes'),
    attendance: field(f, 'attendance') ? Number(field(f, 'attendance')) : null,
    decisions: agenda.map((a, i) => ({
      wish: a.wish.number,
      decision: field(f, `decision-${i}`) as Decision['decision'],
      item: field(f, `item-${i}`) ? Number(field(f, `item-${i}`)) : null,
      note: orNull(f, `note-${i}`),
      deferredTo: orNull(f, `deferredTo-${i}`),
    })),
  };
}

/** Records the minutes; every decision is written back to its wish in the same write. */
export const recordMinutes = action(
  (m: StaffMeeting, f: Sent) =>
    write(async () =>
      json(
        await api.renovation.staff.meetings[':id'].minutes.$post({
          param: { id: String(m.id) },
          json: { version: m.version, ...readMinutes(f, m.agenda) },
        }),
      ),
    ),
  'reno-minutes-record',
);

/** The minutes of a meeting with a decision on each agenda item, sent in one submit. */
export function MinutesForm(props: { meeting: StaffMeeting; project: StaffProject }) {
  const state = formState(useSubmission(recordMinutes), renoWords);
  const started = () => props.meeting.startsAt <= Date.now();
  return (
    <details class="card action" open={started()}>
      <summary>{t('renoMinutesTitle')}</summary>
      <p class="hint">{started() ? t('renoMinutesHint') : t('renoMinutesNotYet')}</p>
      <Form state={state} class="stack" action={recordMinutes.with(props.meeting)} method="post" reset>
        <FieldError name="decisions" />
        <Index each={props.meeting.agenda}>
          {(entry, i) => <DecisionFields index={i} entry={entry()} project={props.project} />}
        </Index>
        <Field
          name="minutes"
          label={publicLabel('renoMinutes')}
          multiline
          rows="5"
          required
          minLength={2}
          maxLength={8000}
        />
        <Field name="attendance" label={t('renoAttendance')} type="number" inputMode="numeric" min="0" />
        <SubmitRow busy={state.busy()} label={t('renoRecordMinutes')} />
      </Form>
    </details>
  );
}
