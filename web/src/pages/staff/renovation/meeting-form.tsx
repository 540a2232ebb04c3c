import { A, action, useSubmission } from '@solidjs/router';
import { createSignal, For, Show } from 'solid-js';
import { Field, FieldError, SubmitRow } from '../../../components/field.tsx';
import { Form } from '../../../components/form.tsx';
import { api, json } from '../../../lib/api.ts';
import { field, formState } from '../../../lib/form-action.ts';
import { t, tKey } from '../../../lib/prefs.ts';
import { shanghaiInstant } from '../events/data.ts';
import '../../events/events.css';
import { type NewMeetingBody, orNull, publicLabel, renoWords, type StaffProject, write } from './data.ts';

type Sent = FormData | URLSearchParams;

function readMeeting(f: Sent): NewMeetingBody {
  const date = field(f, 'date');
  const at = (time: string) => (date && field(f, time) ? shanghaiInstant(date, field(f, time)) : '');
  return {
    type: field(f, 'type') as NewMeetingBody['type'],
    title: orNull(f, 'title') ?? undefined,
    description: field(f, 'description'),
    startsAt: at('start'),
    endsAt: at('end'),
    venue: field(f, 'venue'),
    capacity: field(f, 'capacity') ? Number(field(f, 'capacity')) : null,
    signupOpen: f.get('signupOpen') === 'on',
    parties: {
      partyBranch: field(f, 'partyBranch'),
      contractor: orNull(f, 'contractor') ?? undefined,
      supervisor: orNull(f, 'supervisor') ?? undefined,
      representatives: field(f, 'representatives'),
    },
  };
}

const createMeeting = action(
  (projectId: number, f: Sent) =>
    write(async () =>
      json(
        await api.renovation.staff.projects[':id'].meetings.$post({
          param: { id: String(projectId) },
          json: readMeeting(f),
        }),
      ),
    ),
  'reno-meeting-create',
);

/** The server checks instants; the form asks for a day and two times. */
const aliases = { startsAt: 'date', endsAt: 'end' };

/** The four parties; contractor and supervisor default to the project's own. */
function Parties(props: { project: StaffProject }) {
  const named = (role: string) =>
    props.project.partners
      .filter((p) => p.role === role)
      .map((p) => p.name)
      .join('、');
  return (
    <fieldset class="stack">
      <legend>{publicLabel('renoParties')}</legend>
      <Field name="partyBranch" label={t('renoPartyBranch')} required maxLength={200} />
      <Field
        name="contractor"
        label={t('partnerRole_contractor')}
        hint={t('renoPartyDefault', { name: named('contractor') || '—' })}
        maxLength={200}
      />
      <Field
        name="supervisor"
        label={t('partnerRole_supervisor')}
        hint={t('renoPartyDefault', { name: named('supervisor') || '—' })}
        maxLength={200}
      />
      <Field name="representatives" label={t('renoRepresentatives')} required maxLength={200} />
      <FieldError name="parties" />
    </fieldset>
  );
}

/** A joint meeting for the project: it becomes an event of the community, with sign-up if chosen. */
export function NewMeeting(props: { project: StaffProject }) {
  const sub = useSubmission(createMeeting);
  const state = formState(sub, renoWords);
  const [type, setType] = createSignal('renovation');
  const created = () => (state.done() ? sub.result?.meeting : undefined);
  return (
    <details class="card action">
      <summary>{t('renoNewMeeting')}</summary>
      <Form
        state={state}
        class="stack"
        action={createMeeting.with(props.project.id)}
        method="post"
        aliases={aliases}
        reset
      >
        <p class="hint">{t('renoPublicHint')}</p>
        <fieldset class="choices">
          <legend>{publicLabel('renoMeetingType')}</legend>
          <For each={['renovation', 'four_party']}>
            {(m) => (
              <label class="choice">
                <input type="radio" name="type" value={m} checked={type() === m} onChange={() => setType(m)} />{' '}
                {tKey('meetingType', m)}
              </label>
            )}
          </For>
        </fieldset>
        <Field name="title" label={publicLabel('renoMeetingTitleOptional')} maxLength={100} />
        <Field name="date" label={publicLabel('eventDateLabel')} type="date" required />
        <div class="time-pair">
          <div class="stack">
            <Field name="start" label={t('eventStartLabel')} type="time" value="15:00" required />
          </div>
          <div class="stack">
            <Field name="end" label={t('eventEndLabel')} type="time" value="16:30" required />
          </div>
        </div>
        <Field name="venue" label={publicLabel('eventVenueLabel')} required maxLength={200} />
        <Parties project={props.project} />
        <Field name="description" label={publicLabel('renoMeetingDescription')} multiline rows="3" maxLength={4000} />
        <label class="check">
          <input type="checkbox" name="signupOpen" /> {t('renoMeetingSignup')}
        </label>
        <Field
          name="capacity"
          label={t('eventCapacityLabel')}
          hint={t('eventCapacityHint')}
          type="number"
          inputMode="numeric"
          min="1"
        />
        <SubmitRow busy={state.busy()} label={t('renoCreateMeeting')} />
        <p role="status" class="form-done">
          <Show when={created()}>
            {(m) => (
              <>
                {t('renoMeetingCreated')}{' '}
                <A href={`/staff/renovation/${props.project.id}/meetings/${m().id}`}>{m().title}</A>
              </>
            )}
          </Show>
        </p>
      </Form>
    </details>
  );
}
