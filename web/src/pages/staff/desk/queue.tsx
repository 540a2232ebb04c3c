import { A, createAsync, useSearchParams } from '@solidjs/router';
import { For, Show, Suspense } from 'solid-js';
import { Loading } from '../../../components/states.tsx';
import { StatusBadge } from '../../../components/timeline.tsx';
import { api } from '../../../lib/api.ts';
import { formatDate } from '../../../lib/format.ts';
import { wideScreen } from '../../../lib/media.ts';
import { placeName, t, tKey } from '../../../lib/prefs.ts';
import { ExportControl } from '../export-control.tsx';
import { QueueFilters } from './queue-filters.tsx';
import { type Filters, getQueue } from './queue-query.ts';
import { dueWords, views } from './queue-row.ts';
import { Workbench } from './workbench.tsx';

type View = (typeof views)[number];

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
  const queue = createAsync(() =>
    getQueue({ status: params.status, owner: params.owner, overdue: params.overdue, view: params.view }),
  );
  return (
    <>
      <h1>{t('queueTitle')}</h1>
      <ViewTabs current={params.view} params={params} />
      <p class="actions">
        <A class="button" href="/staff/desk/new">
          {t('fileOnBehalf')}
        </A>{' '}
        <A class="button button-secondary" href="/staff/follow-ups">
          {t('followUpsLink')}
        </A>
      </p>
      <ExportControl
        ability="desk.export"
        title="exportTickets"
        href={(query) => `/api${api.desk.export.$path({ query })}`}
      />
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
                  {' · '}
                  {dueWords(ticket)}
                  <Show when={ticket.flagged}> · ⚑ {t('flagged')}</Show>
                </p>
                <Show
                  when={ticket.parts.length > 0}
                  fallback={
                    <p>
                      {t('sideSays', { side: t('assigneeLabel') })}
                      {ticket.assignee?.name ?? t('nobodyAssigned')}
                    </p>
                  }
                >
                  <ul class="part-lines">
                    <For each={ticket.parts}>
                      {(p) => (
                        <li>
                          {t('sideSays', { side: tKey('side', p.side) })}
                          {tKey('partStatus', p.status)} · {p.assignee ?? t('nobodyAssigned')}
                        </li>
                      )}
                    </For>
                  </ul>
                </Show>
              </li>
            )}
          </For>
        </ul>
      </Suspense>
    </>
  );
}

/** Mine, my organisation's, unassigned, overdue: links, so each view has its own URL to share. */
function ViewTabs(props: { current?: string; params: Filters }) {
  const href = (view?: View) => {
    const q = new URLSearchParams(
      Object.entries({ ...props.params, view }).filter((e): e is [string, string] => typeof e[1] === 'string'),
    );
    return `/staff/desk${q.size ? `?${q}` : ''}`;
  };
  const tab = (view: View | undefined, label: string) => (
    <A
      href={href(view)}
      end
      activeClass=""
      classList={{ active: props.current === view }}
      aria-current={props.current === view ? 'page' : undefined}
    >
      {label}
    </A>
  );
  return (
    <nav class="tabs" aria-label={t('queueViews')}>
      {tab(undefined, t('view_all'))}
      <For each={views}>{(v) => tab(v, tKey('view', v))}</For>
    </nav>
  );
}
