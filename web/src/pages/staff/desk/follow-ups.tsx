import { A, action, createAsync, query, useSubmission } from '@solidjs/router';
import { For, Show, Suspense } from 'solid-js';
import { Field, SubmitRow } from '../../../components/field.tsx';
import { Form } from '../../../components/form.tsx';
import { ListOr, Loading } from '../../../components/states.tsx';
import { api, json } from '../../../lib/api.ts';
import { field, formState } from '../../../lib/form-action.ts';
import { formatDateTime } from '../../../lib/format.ts';
import { placeName, t, tKey } from '../../../lib/prefs.ts';

const getFollowUps = query(async () => json(await api.desk['follow-ups'].$get({ query: {} })), 'desk-follow-ups');
type FollowUp = Awaited<ReturnType<typeof getFollowUps>>['followUps'][number];

/** Records one resident's answer; the router then reloads the list, which no longer holds the ticket. */
const recordFollowUp = action(async (number: string, version: number, f: FormData | URLSearchParams) => {
  return json(
    await api.desk.tickets[':number'].actions.$post({
      param: { number },
      json: {
        action: 'follow_up',
        version,
        result: field(f, 'result') as 'satisfied',
        comment: field(f, 'comment') || undefined,
      },
    }),
  );
}, 'desk-follow-up');

/** One resident to call: the ticket in short, a large call button, and the three answers. */
function Call(props: { item: FollowUp }) {
  const state = formState(useSubmission(recordFollowUp, ([number]) => number === props.item.number));
  const id = (name: string) => `fu-${props.item.number}-${name}`;
  return (
    <li class="card">
      <A href={`/staff/desk/${props.item.number}`} class="ticket-number">
        {props.item.number}
      </A>
      <p class="muted">
        {placeName(props.item.category)} · {t('resolvedOn', { at: formatDateTime(props.item.resolvedAt ?? 0) })}
      </p>
      <p>{props.item.description}</p>
      <p>
        <a class="button" href={`tel:${props.item.phone}`}>
          {t('callResident', { phone: props.item.phone })}
        </a>{' '}
        {props.item.name ?? ''}
      </p>
      <Form
        state={state}
        class="stack"
        action={recordFollowUp.with(props.item.number, props.item.version)}
        method="post"
      >
        <fieldset class="stars">
          <legend>{t('followUpResultLabel')}</legend>
          <For each={['satisfied', 'partly', 'not_satisfied']}>
            {(v) => (
              <label class="choice">
                <input type="radio" name="result" value={v} required /> {tKey('followUp', v)}
              </label>
            )}
          </For>
        </fieldset>
        <Field name="comment" id={id('comment')} label={t('followUpCommentLabel')} multiline rows="2" maxLength={500} />
        <SubmitRow busy={state.busy()} label={t('recordFollowUp')} />
      </Form>
    </li>
  );
}

/** The follow-up list (回访): residents whose tickets were resolved and who did not rate online. */
export default function FollowUps() {
  const data = createAsync(() => getFollowUps());
  return (
    <>
      <h1>{t('followUpsTitle')}</h1>
      <p class="lead">{t('followUpsIntro')}</p>
      <Suspense fallback={<Loading />}>
        <Show when={data()}>
          {(d) => (
            <ListOr each={d().followUps} empty={<p>{t('followUpsEmpty')}</p>}>
              {(item) => <Call item={item} />}
            </ListOr>
          )}
        </Show>
      </Suspense>
    </>
  );
}
