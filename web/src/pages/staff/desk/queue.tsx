import { A, createAsync, useSearchParams } from '@solidjs/router';
import { For, Show, Suspense } from 'solid-js';
import { Loading } from '../../../components/states.tsx';
import { StatusBadge } from '../../../components/timeline.tsx';
import { formatDate } from '../../../lib/format.ts';
import { wideScreen } from '../../../lib/media.ts';
import { placeName, t, tKey } from '../../../lib/prefs.ts';
import { QueueFilters } from './queue-filters.tsx';
import { type Filters, getQueue } from './queue-query.ts';
import { Workbench } from './workbench.tsx';

/**
 * The staff member's tickets, filtered; filters live in the URL. On the joint desk's PC (from
 * 1024 px) it is the workbench, a table beside the chosen ticket; on a phone, today's cards.
 */
export default function Queue() {
  return (
    <Show when={wideScreen()} fallback={<QueueCards />}>
      <Workbench />
    </Show>
  );
}

/** The phone's queue: one card a ticket, for staff on the move. */
function QueueCards() {
  const [params] = useSearchParams<Filters>();
  const queue = createAsync(() => getQueue({ status: params.status, owner: params.owner, overdue: params.overdue }));
  return (
    <>
      <h1>{t('queueTitle')}</h1>
      <A class="button" href="/staff/desk/new">
        {t('fileOnBehalf')}
      </A>
      <QueueFilters />
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
