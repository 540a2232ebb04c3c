import { action, createAsync, query, useSubmission } from '@solidjs/router';
import type { InferResponseType } from 'hono/client';
import { ErrorBoundary, For, Show, Suspense } from 'solid-js';
import { LoadError, Loading } from '../../../components/states.tsx';
import { api, json } from '../../../lib/api.ts';
import { explain } from '../../../lib/errors.ts';
import { useQuietAction } from '../../../lib/form-action.ts';
import { formatDateTime } from '../../../lib/format.ts';
import type { MessageKey } from '../../../lib/messages.ts';
import { placeName, t } from '../../../lib/prefs.ts';
import { RobotForm } from './robot-form.tsx';

export type Owner = InferResponseType<typeof api.robots.$get, 200>['owners'][number];
export const getRobots = query(async () => json(await api.robots.$get()), 'staff-robots');

const sendTest = action(async (id: number) => {
  return json(await api.robots[':id'].test.$post({ param: { id: String(id) } }));
}, 'robot-test');

/**
 * The group robots of the communities and property companies in the staff member's place: each
 * one's platform, masked address, last delivery and what waits to be sent, with its settings.
 */
export default function RobotsPage() {
  const data = createAsync(() => getRobots());
  return (
    <>
      <h1>{t('staffRobots')}</h1>
      <p class="notice">{t('robotsIntro')}</p>
      <ErrorBoundary fallback={(err, retry) => <LoadError error={err} retry={retry} />}>
        <Suspense fallback={<Loading />}>
          <Show when={data() && !data()!.owners.some((o) => o.robot)}>
            <p>{t('robotsNone')}</p>
          </Show>
          <For each={data()?.owners}>{(owner) => <OwnerCard owner={owner} />}</For>
        </Suspense>
      </ErrorBoundary>
    </>
  );
}

/** "3 条新诉求，1 条超期" from the counts the server gives. */
const pendingWords = (counts: Record<string, number>) =>
  Object.entries(counts)
    .map(([kind, n]) => t(`robotsNotice_${kind}` as MessageKey, { n }))
    .join(t('robotsSeparator'));

function OwnerCard(props: { owner: Owner }) {
  const id = () => `robot-${props.owner.ownerKind}-${props.owner.ownerId}`;
  const robot = () => props.owner.robot;
  return (
    <section class="card" aria-labelledby={id()}>
      <h2 id={id()}>
        {placeName(props.owner)} <span class="badge">{t(`robotsKind_${props.owner.ownerKind}`)}</span>
      </h2>
      <Show when={robot()} fallback={<p>{t('robotsNotSet')}</p>}>
        {(r) => (
          <>
            <p>
              {t(`robotsPlatform_${r().platform}`)} ·{' '}
              <span class={r().enabled ? 'badge' : 'badge badge-warn'}>
                {t(r().enabled ? 'robotsOn' : 'robotsOff')}
              </span>
              <Show when={r().signed}> · {t('robotsSigned')}</Show>
            </p>
            <p class="hint robot-webhook">{r().webhook}</p>
            <Show when={r().lastDelivery}>
              {(last) => (
                <p role="status">
                  {last().ok
                    ? t('robotsLastOk', { at: formatDateTime(last().at) })
                    : t('robotsLastFailed', { at: formatDateTime(last().at), error: last().error ?? '' })}
                  <Show when={r().retryAt}> {t('robotsRetryAt', { at: formatDateTime(r().retryAt!) })}</Show>
                </p>
              )}
            </Show>
            <TestButton id={r().id} />
          </>
        )}
      </Show>
      <Show when={robot()}>
        <p>
          {props.owner.pending.total
            ? t('robotsPending', { what: pendingWords(props.owner.pending.counts) })
            : t('robotsPendingNone')}
        </p>
        <Show when={props.owner.pending.preview}>
          <details>
            <summary>{t('robotsPreview')}</summary>
            <pre class="robot-preview">{props.owner.pending.preview}</pre>
          </details>
        </Show>
      </Show>
      <RobotForm owner={props.owner} />
    </section>
  );
}

function TestButton(props: { id: number }) {
  const run = useQuietAction(sendTest);
  const sub = useSubmission(sendTest, ([id]) => id === props.id);
  const answer = () => sub.result?.delivery;
  return (
    <>
      <button class="button button-secondary" type="button" disabled={sub.pending} onClick={() => run(props.id)}>
        {t('robotsTest')}
      </button>
      <Show when={!sub.pending && answer()}>
        {(a) => (
          <p role="status">
            {a().ok ? t('robotsTestOk') : t('robotsTestFailed', { error: (a() as { error?: string }).error ?? '' })}
          </p>
        )}
      </Show>
      <Show when={!sub.pending && sub.error}>
        <p class="form-error" role="alert">
          {explain(sub.error).message}
        </p>
      </Show>
    </>
  );
}
