import { action, createAsync, query, useSearchParams, useSubmission } from '@solidjs/router';
import type { InferResponseType } from 'hono/client';
import { ErrorBoundary, For, Show, Suspense } from 'solid-js';
import { LoadError, Loading } from '../../components/states.tsx';
import { api, json } from '../../lib/api.ts';
import { formatDateTime } from '../../lib/format.ts';
import { t, tKey } from '../../lib/prefs.ts';

type Outbox = InferResponseType<typeof api.messages.outbox.$get, 200>;
type Message = Outbox['messages'][number];
type Status = Message['status'];

const statuses: Status[] = ['held', 'pending', 'uncertain', 'failed', 'sent', 'dropped'];
const getOutbox = query(
  async (status: Status | undefined, page: number) =>
    json(await api.messages.outbox.$get({ query: { status, page: String(page) } })),
  'message-outbox',
);
const settle = action(async (id: number, what: 'resend' | 'drop') => {
  await json(await api.messages.outbox[':id'].settle.$post({ param: { id: String(id) }, json: { action: what } }));
}, 'message-settle');

/** The district admin's outbox: what went out, what waits, and what was kept because nothing is configured. */
export default function MessagesPage() {
  const [search, setSearch] = useSearchParams<{ status?: string; page?: string }>();
  const status = () => ((statuses as string[]).includes(search.status ?? '') ? (search.status as Status) : undefined);
  const page = () => Math.max(1, Number(search.page) || 1);
  const data = createAsync(() => getOutbox(status(), page()));
  return (
    <>
      <h1>{t('messagesTitle')}</h1>
      <nav class="chips" aria-label={t('messagesTitle')}>
        <For each={[undefined, ...statuses]}>
          {(s) => (
            <button
              type="button"
              class="chip"
              aria-pressed={status() === s}
              onClick={() => setSearch({ status: s, page: undefined })}
            >
              {s ? tKey('messagesStatus', s) : t('messagesAll')}
            </button>
          )}
        </For>
      </nav>
      <ErrorBoundary fallback={(err, retry) => <LoadError error={err} retry={retry} />}>
        <Suspense fallback={<Loading />}>
          <Show when={data()}>
            {(o) => (
              <>
                <Show
                  when={o().channel}
                  fallback={
                    <p class="notice" role="status">
                      <strong>{t('messagesNoChannel')}</strong>
                    </p>
                  }
                >
                  {(c) => <p class="notice">{t('messagesChannel', { channel: c() })}</p>}
                </Show>
                <Show when={o().quietHours}>
                  {(q) => <p class="hint">{t('messagesQuiet', { from: q().from, to: q().to })}</p>}
                </Show>
                <Show when={o().messages.length} fallback={<p class="card">{t('messagesEmpty')}</p>}>
                  <ul class="plain-list">
                    <For each={o().messages}>{(m) => <MessageCard message={m} channel={o().channel !== null} />}</For>
                  </ul>
                </Show>
                <Show when={o().pages > 1}>
                  <nav class="row" aria-label={t('messagesPage', { page: o().page, pages: o().pages })}>
                    <button type="button" disabled={page() <= 1} onClick={() => setSearch({ page: page() - 1 })}>
                      {t('messagesPrev')}
                    </button>
                    <span>{t('messagesPage', { page: o().page, pages: o().pages })}</span>
                    <button
                      type="button"
                      disabled={page() >= o().pages}
                      onClick={() => setSearch({ page: page() + 1 })}
                    >
                      {t('messagesNextPage')}
                    </button>
                  </nav>
                </Show>
              </>
            )}
          </Show>
        </Suspense>
      </ErrorBoundary>
    </>
  );
}

function MessageCard(props: { message: Message; channel: boolean }) {
  const m = () => props.message;
  const busy = useSubmission(settle, ([id]) => id === props.message.id);
  return (
    <li class="card stack">
      <p>
        <span class={m().status === 'sent' ? 'badge' : 'badge badge-warn'}>{tKey('messagesStatus', m().status)}</span>{' '}
        <Show when={m().urgent}>
          <span class="badge badge-warn">{t('messagesUrgent')}</span>{' '}
        </Show>
        {m().phone} · {formatDateTime(m().createdAt)} · {t('messagesAttempts', { n: m().attempts })}
      </p>
      <p>{m().text}</p>
      <Show when={m().nextAttemptAt}>
        {(at) => (
          <p class="hint">
            {t('messagesNext')}: {formatDateTime(at())}
          </p>
        )}
      </Show>
      <Show when={m().lastError && (m().status === 'pending' || m().status === 'failed')}>
        <p class="hint">
          {t('messagesError')}: {m().lastError}
        </p>
      </Show>
      <Show when={m().status === 'uncertain' || m().status === 'failed' || (m().status === 'held' && props.channel)}>
        <Show when={m().status === 'uncertain'}>
          <p class="hint">{t('messagesUncertainHint')}</p>
        </Show>
        <div class="row">
          <form action={settle.with(m().id, 'resend')} method="post">
            <button type="submit" disabled={busy.pending}>
              {t('messagesResend')}
            </button>
          </form>
          <form action={settle.with(m().id, 'drop')} method="post">
            <button type="submit" class="secondary" disabled={busy.pending}>
              {t('messagesDrop')}
            </button>
          </form>
        </div>
      </Show>
    </li>
  );
}
