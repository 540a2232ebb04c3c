import { action, createAsync, query, useSubmission } from '@solidjs/router';
import type { InferResponseType } from 'hono/client';
import { ErrorBoundary, Show, Suspense } from 'solid-js';
import { CopyButton } from '../../components/copy-button.tsx';
import { Field, SubmitRow } from '../../components/field.tsx';
import { Form } from '../../components/form.tsx';
import { ListOr, LoadError, Loading } from '../../components/states.tsx';
import { api, json } from '../../lib/api.ts';
import { field, formState } from '../../lib/form-action.ts';
import { formatDateTime } from '../../lib/format.ts';
import { t } from '../../lib/prefs.ts';

type Key = InferResponseType<typeof api.open311.keys.$get, 200>['keys'][number];
const getKeys = query(async () => json(await api.open311.keys.$get()), 'open311-keys');

const issueKey = action(async (form: FormData) => {
  const hourlyLimit = Number(field(form, 'hourlyLimit') || 60);
  return (await json(await api.open311.keys.$post({ json: { app: field(form, 'app'), hourlyLimit } }))).key;
}, 'open311-key-issue');

const revokeKey = action(async (id: number) => {
  await json(await api.open311.keys[':id'].revoke.$post({ param: { id: String(id) } }));
}, 'open311-key-revoke');

/** Partner apps' Open311 keys: the district admin issues one per app (shown once) and revokes it. */
export default function Open311Page() {
  const data = createAsync(() => getKeys());
  return (
    <>
      <h1>{t('open311Title')}</h1>
      <p class="notice">{t('open311Intro')}</p>
      <IssueKey />
      <ErrorBoundary fallback={(err, retry) => <LoadError error={err} retry={retry} />}>
        <Suspense fallback={<Loading />}>
          <h2>{t('open311Keys')}</h2>
          <ListOr each={data()?.keys} empty={<p>{t('open311NoKeys')}</p>}>
            {(k) => <KeyItem key={k} />}
          </ListOr>
        </Suspense>
      </ErrorBoundary>
    </>
  );
}

function IssueKey() {
  const submission = useSubmission(issueKey);
  const state = formState(submission);
  return (
    <section class="card" aria-labelledby="open311-issue">
      <h2 id="open311-issue">{t('open311Issue')}</h2>
      <Form state={state} class="stack" action={issueKey} method="post" reset>
        <Field name="app" id="open311-app" label={t('open311App')} required minLength={2} maxLength={60} />
        <Field
          name="hourlyLimit"
          id="open311-limit"
          label={t('open311Limit')}
          hint={t('open311LimitHint')}
          type="number"
          inputMode="numeric"
          min="1"
          max="1000"
        />
        <SubmitRow busy={state.busy()} label={t('open311IssueButton')} />
      </Form>
      <Show when={state.done() && submission.result}>
        {(issued) => (
          <div class="notice key-shown" role="status">
            <p>{t('open311ShownOnce', { app: issued().app })}</p>
            <p>
              <code class="secret">{issued().key}</code>
            </p>
            <CopyButton text={() => issued().key} label={t('open311Copy')} />
          </div>
        )}
      </Show>
    </section>
  );
}

function KeyItem(props: { key: Key }) {
  const k = () => props.key;
  const submission = useSubmission(revokeKey, ([id]) => id === props.key.id);
  return (
    <li class="card">
      <h3>
        {k().app}{' '}
        <span class={k().revokedAt ? 'badge badge-warn' : 'badge'}>
          {t(k().revokedAt ? 'open311Revoked' : 'open311Live')}
        </span>
      </h3>
      <dl class="facts">
        <dt>{t('open311Prefix')}</dt>
        <dd>
          <code>{k().keyPrefix}…</code>
        </dd>
        <dt>{t('open311Limit')}</dt>
        <dd>{k().hourlyLimit}</dd>
        <dt>{t('open311Created')}</dt>
        <dd>{formatDateTime(k().createdAt)}</dd>
        <dt>{t('open311LastUsed')}</dt>
        <dd>{k().lastUsedAt ? formatDateTime(k().lastUsedAt!) : t('open311NeverUsed')}</dd>
        <Show when={k().revokedAt}>
          <dt>{t('open311RevokedAt')}</dt>
          <dd>{formatDateTime(k().revokedAt!)}</dd>
        </Show>
      </dl>
      <Show when={!k().revokedAt}>
        {/* Behind a second tap: a revoked key cannot be brought back, the app needs a new one. */}
        <details>
          <summary>{t('open311Revoke')}</summary>
          <p>{t('open311RevokeWarn', { app: k().app })}</p>
          <form action={revokeKey.with(k().id)} method="post">
            <button type="submit" class="button" disabled={submission.pending}>
              {t('open311RevokeConfirm')}
            </button>
          </form>
        </details>
      </Show>
    </li>
  );
}
