import { action, useSubmission } from '@solidjs/router';
import { createEffect, createSignal, Index, on, Show } from 'solid-js';
import { SubmitRow } from '../../../components/field.tsx';
import { Form } from '../../../components/form.tsx';
import type { PickedPhoto } from '../../../components/photo-picker.tsx';
import { api, json } from '../../../lib/api.ts';
import { type FormState, formState } from '../../../lib/form-action.ts';
import { formatDay } from '../../../lib/format.ts';
import { t, tKey } from '../../../lib/prefs.ts';
import { renoWords, type StaffItem, type StaffProject, write } from './data.ts';
import { ItemFields, readItem } from './item-fields.tsx';

type Sent = FormData | URLSearchParams;
const addItem = action(
  (projectId: number, f: Sent) =>
    write(async () =>
      json(
        await api.renovation.staff.projects[':id'].items.$post({ param: { id: String(projectId) }, json: readItem(f) }),
      ),
    ),
  'reno-item-add',
);
const saveItem = action(
  (itemId: number, version: number, f: Sent) =>
    write(async () =>
      json(
        await api.renovation.staff.items[':id'].$patch({
          param: { id: String(itemId) },
          json: { version, ...readItem(f) },
        }),
      ),
    ),
  'reno-item-save',
);

/** An item form's fields with the photos it picked; they are let go once the form went through. */
function ItemForm(props: { prefix: string; item?: StaffItem; state: FormState; label: string; done: string }) {
  const [before, setBefore] = createSignal<PickedPhoto[] | null>(null);
  const [after, setAfter] = createSignal<PickedPhoto[] | null>(null);
  createEffect(
    on(
      props.state.done,
      (done) => {
        if (!done) return;
        setBefore(null);
        setAfter(null);
      },
      { defer: true },
    ),
  );
  return (
    <>
      <ItemFields
        prefix={props.prefix}
        item={props.item}
        photos={{ before: before(), after: after() }}
        onPhotos={(which, p) => (which === 'before' ? setBefore(p) : setAfter(p))}
      />
      <SubmitRow busy={props.state.busy()} label={props.label} />
      <p role="status" class="form-done">
        {props.state.done() ? props.done : ''}
      </p>
    </>
  );
}

function EditItem(props: { item: StaffItem }) {
  const state = formState(
    useSubmission(saveItem, ([id]) => id === props.item.id),
    renoWords,
  );
  return (
    <details class="action">
      <summary>{t('renoEditItem')}</summary>
      <Form state={state} class="stack" action={saveItem.with(props.item.id, props.item.version)} method="post">
        <ItemForm
          prefix={`item-${props.item.id}`}
          item={props.item}
          state={state}
          label={t('save')}
          done={t('renoItemSaved')}
        />
      </Form>
    </details>
  );
}

/** Adds an item at the end of the plan; the form is emptied once it is in. */
export function AddItem(props: { project: StaffProject }) {
  const state = formState(useSubmission(addItem), renoWords);
  return (
    <details class="card action">
      <summary>{t('renoAddItem')}</summary>
      <Form state={state} class="stack" action={addItem.with(props.project.id)} method="post" reset>
        <ItemForm prefix="new-item" state={state} label={t('renoAddItem')} done={t('renoItemAdded')} />
      </Form>
    </details>
  );
}

/** The plan items as staff see them, each with its editor. */
export function StaffPlanItems(props: { project: StaffProject }) {
  return (
    <section aria-labelledby="plan-title">
      <h2 id="plan-title">{t('planTitle')}</h2>
      <Show when={props.project.items.length} fallback={<p>{t('renoNoItems')}</p>}>
        <ul class="plain-list reno-items">
          {/* By position, so an item's open editor and its answer stay put when the plan reloads. */}
          <Index each={props.project.items}>
            {(i) => (
              <li class="card" id={`item-${i().id}`}>
                <h3>{i().title}</h3>
                <p class={`item-state item-${i().status}`}>
                  {tKey('itemStatus', i().status)}
                  <Show when={i().doneOn ?? i().expectedOn}>
                    {(d) => (
                      <span class="muted"> · {t(i().doneOn ? 'doneOn' : 'expectedOn', { date: formatDay(d()) })}</span>
                    )}
                  </Show>
                </p>
                <Show when={i().statusReason}>
                  <p class="notice">{i().statusReason}</p>
                </Show>
                <EditItem item={i()} />
              </li>
            )}
          </Index>
        </ul>
      </Show>
    </section>
  );
}
