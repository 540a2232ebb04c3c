import { createAsync, useNavigate } from '@solidjs/router';
import { createSignal, Show } from 'solid-js';
import { Field } from '../../../components/field.tsx';
import { api, ApiFailure, json, type PlaceTree, type StaffView } from '../../../lib/api.ts';
import { getPlaces } from '../../../lib/places.ts';
import { t } from '../../../lib/prefs.ts';
import { getMe } from '../../../lib/staff-session.ts';
import { EventForm, type EventFields } from './event-form.tsx';
import { organiserChoices, OrganiserSelect, type OrganiserKey } from './organiser-select.tsx';

/** The staff member's first choice of organiser: their own place. */
function defaultOrganiser(tree: PlaceTree, staff: StaffView): OrganiserKey {
  if (staff.place?.type === 'community' || staff.place?.type === 'subdistrict') return `${staff.place.type}:${staff.place.slug}`;
  const first = organiserChoices(tree, staff)[0];
  return first?.communities[0] ? `community:${first.communities[0].slug}` : `subdistrict:${first?.subdistrict.slug ?? ''}`;
}

function CreateForm(props: { tree: PlaceTree; staff: StaffView }) {
  const navigate = useNavigate();
  const [organiser, setOrganiser] = createSignal<OrganiserKey>(defaultOrganiser(props.tree, props.staff));
  const [errors, setErrors] = createSignal<Record<string, string>>({});
  const [message, setMessage] = createSignal('');
  const [busy, setBusy] = createSignal(false);

  const send = async (fields: EventFields, form: HTMLFormElement) => {
    const [level, slug] = organiser().split(':') as ['community' | 'subdistrict', string];
    const weeks = Number(new FormData(form).get('weeklySessions') || 1);
    setBusy(true);
    setErrors({});
    setMessage('');
    try {
      const { events } = await json(await api.organiser.events.$post({ json: { ...fields, [level]: slug, weeklySessions: weeks } }));
      navigate(`/staff/events/${events[0]!.id}`);
    } catch (err) {
      if (err instanceof ApiFailure) setErrors(err.fields);
      setMessage(err instanceof ApiFailure && Object.keys(err.fields).length ? t('fixFields') : (err as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div class="card">
      <EventForm
        tree={props.tree}
        organiser={organiser()}
        errors={errors()}
        busy={busy()}
        submitLabel={t('createEvent')}
        onSubmit={send}
        before={<OrganiserSelect tree={props.tree} staff={props.staff} value={organiser()} onChange={setOrganiser} />}
        after={<Field name="weeklySessions" label={t('weeklySessionsLabel')} hint={t('weeklySessionsHint')} error={errors().weeklySessions} type="number" inputMode="numeric" min="1" max="26" value="1" />}
      />
      <Show when={message()}>
        <p class="form-error" role="alert">
          {message()}
        </p>
      </Show>
    </div>
  );
}

/** A new event, or a weekly series of sessions (each can then be changed on its own). */
export default function NewEvent() {
  const tree = createAsync(() => getPlaces());
  const me = createAsync(() => getMe());
  return (
    <>
      <h1>{t('newEventTitle')}</h1>
      <Show when={tree() && me()?.staff}>
        <CreateForm tree={tree()!} staff={me()!.staff!} />
      </Show>
    </>
  );
}
