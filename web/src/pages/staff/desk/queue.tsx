import { A, createAsync, query, useSearchParams } from '@solidjs/router';
import { For, Show, Suspense } from 'solid-js';
import { Loading } from '../../../components/states.tsx';
import { StatusBadge } from '../../../components/timeline.tsx';
import { api, json } from '../../../lib/api.ts';
import { formatDate } from '../../../lib/format.ts';
import { placeName, t, tKey } from '../../../lib/prefs.ts';

type Filters = { status?: string; owner?: string; overdue?: string };

export const getQueue = query(async (filters: Filters) => {
  const q = {
    status: (filters.status || 'open') === 'all' ? undefined : ((filters.status || 'open') as 'open'),
    owner: (filters.owner || undefined) as 'community' | undefined,
    overdue: filters.overdue === '1' ? ('1' as const) : undefined,
  };
  return json(await api.desk.tickets.$get({ query: q }));
}, 'desk-queue');

/** The staff member's tickets, filtered by status, owner and overdue; filters live in the URL. */
export default function Queue() {
  const [params, setParams] = useSearchParams<Filters>();
  const queue = createAsync(() => getQueue({ status: params.status, owner: params.owner, overdue: params.overdue }));
  return (
    <>
      <h1>{t('queueTitle')}</h1>
      <p class="actions">
        <A class="button" href="/staff/desk/new">
          {t('fileOnBehalf')}
        </A>{' '}
        <A class="button button-secondary" href="/staff/desk/follow-ups">
          {t('followUpsLink')}
        </A>
      </p>
      <form class="filters" onSubmit={(e) => e.preventDefault()}>
        <label>
          {t('filterStatus')}
          <select value={params.status ?? 'open'} onChange={(e) => setParams({ status: e.currentTarget.value })}>
            <option value="open">{t('openStatuses')}</option>
            <option value="all">{t('allStatuses')}</option>
            <For each={['submitted', 'accepted', 'in_progress', 'resolved', 'closed', 'rejected', 'duplicate']}>
              {(s) => <option value={s}>{tKey('status', s)}</option>}
            </For>
          </select>
        </label>
        <label>
          {t('filterOwner')}
          <select value={params.owner ?? ''} onChange={(e) => setParams({ owner: e.currentTarget.value || undefined })}>
            <option value="">{t('allOwners')}</option>
            <For each={['community', 'property', 'joint']}>{(o) => <option value={o}>{tKey('owner', o)}</option>}</For>
          </select>
        </label>
        <label class="check">
          <input
            type="checkbox"
            checked={params.overdue === '1'}
            onChange={(e) => setParams({ overdue: e.currentTarget.checked ? '1' : undefined })}
          />
          {t('filterOverdue')}
        </label>
      </form>
      <Suspense fallback={<Loading />}>
        <ul class="plain-list">
          <For
            each={queue()?.tickets}
            fallback={
              <Show when={queue()}>
                <p>{t('queueEmpty')}</p>
              </Show>
            }
          >
            {(ticket) => (
              <li class="card ticket-card">
                <A href={`/staff/desk/${ticket.number}`} class="ticket-link">
                  <span class="ticket-number">{ticket.number}</span>
                  <span>{ticket.description}</span>
                </A>
                <StatusBadge status={ticket.status} overdue={ticket.overdue} />
                <p class="muted">
                  {placeName(ticket.community)} · {placeName(ticket.category)} · {tKey('owner', ticket.owner)} ·{' '}
                  {t('dueLabel')} {formatDate(ticket.dueAt)}
                  <Show when={ticket.flagged}> · ⚑ {t('flagged')}</Show>
                </p>
              </li>
            )}
          </For>
        </ul>
      </Suspense>
    </>
  );
}
