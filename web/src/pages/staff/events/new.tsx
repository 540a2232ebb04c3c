import { action, redirect, useSubmission } from '@solidjs/router';
import { createSignal, Show } from 'solid-js';
import { Field } from '../../../components/field.tsx';
import { Loading } from '../../../components/states.tsx';
import { api, json, type PlaceTree, type StaffView } from '../../../lib/api.ts';
import { formState } from '../../../lib/form-action.ts';
import { getPlaces } from '../../../lib/places.ts';
import { t } from '../../../lib/prefs.ts';
import { getMe } from '../../../lib/staff-session.ts';
import { EventForm, readEvent } from './event-form.tsx';
import { type OrganiserKey, OrganiserSelect, organiserChoices } from './organiser-select.tsx';

/** The staff member's first choice of organiser: their own place. */
function defaultOrganiser(tree: PlaceTree, staff: StaffView): OrganiserKey {
  if (staff.place?.type === 'community' || staff.place?.type === 'subdistrict')
    return `${staff.place.type}:${staff.place.slug}`;
  const first = organiserChoices(tree, staff)[0];
  return first?.communities[0]
    ? `community:${first.communities[0].slug}`
    : `subdistrict:${first?.subdistrict.slug ?? ''}`;
}

/** Creates the event (or series) and opens its first session. */
const createEvent = action(async (organiser: OrganiserKey, form: FormData | URLSearchParams) => {
  const [level, slug] = organiser.split(':') as ['community' | 'subdistrict', string];
  const weeklySessions = Number(form.get('weeklySessions') || 1);
  const { events } = await json(
    await api.organiser.events.$post({ json: { ...readEvent(form), [level]: slug, weeklySessions } }),
  );
  throw redirect(`/staff/events/${events[0]!.id}`);
}, 'organiser-event-create');

function CreateForm(props: { tree: PlaceTree; staff: StaffView }) {
  const [organiser, setOrganiser] = createSignal<OrganiserKey>(defaultOrganiser(props.tree, props.staff));
  const state = formState(useSubmission(createEvent));

  return (
    <div class="card">
      <EventForm
        tree={props.tree}
        organiser={organiser()}
        state={state}
        submitLabel={t('createEvent')}
        action={createEvent.with(organiser())}
        before={<OrganiserSelect tree={props.tree} staff={props.staff} value={organiser()} onChange={setOrganiser} />}
        after={
          <Field
            name="weeklySessions"
            label={t('weeklySessionsLabel')}
            hint={t('weeklySessionsHint')}
            type="number"
            inputMode="numeric"
            min="1"
            max="26"
            value="1"
          />
        }
      />
    </div>
  );
}

/** A new event, or a weekly series of sessions (each can then be changed on its own). */
export default function NewEvent() {
  // Plain signals, not createAsync: a page reached while another navigation's transition is still
  // settling could otherwise wait for these forever (the router's transitions swallow the answer).
  const [tree, setTree] = createSignal<PlaceTree>();
  const [staff, setStaff] = createSignal<StaffView>();
  getPlaces().then(setTree, () => {});
  getMe().then(
    (me) => setStaff(me.staff ?? undefined),
    () => {},
  );
  return (
    <>
      <h1>{t('newEventTitle')}</h1>
      <Show when={tree() && staff()} fallback={<Loading />}>
        <CreateForm tree={tree()!} staff={staff()!} />
      </Show>
    </>
  );
}
