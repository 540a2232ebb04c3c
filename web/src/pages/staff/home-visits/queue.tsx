import { A, createAsync, useSearchParams } from '@solidjs/router';
import { ErrorBoundary, For, Show, Suspense } from 'solid-js';
import { ListOr, LoadError, Loading } from '../../../components/states.tsx';
import { api } from '../../../lib/api.ts';
import { formatDate, formatDateTime } from '../../../lib/format.ts';
import { placeName, t, tKey } from '../../../lib/prefs.ts';
import { getMe } from '../../../lib/staff-session.ts';
import { VisitStatus } from '../../home-visits/visit-timeline.tsx';
import { ExportControl } from '../export-control.tsx';
import { getPartnerFigures, getVisitQueue, type QueuedVisit, type VisitFilters } from './queries.ts';

const statuses = [
  'requested',
  'info_needed',
  'reviewed',
  'sent',
  'accepted',
  'scheduled',
  'visited',
  'confirmed',
  'closed',
  'rejected',
  'cancelled',
];

function VisitCard(props: { visit: QueuedVisit }) {
  const v = () => props.visit;
  return (
    <li class="card ticket-card">
      <A href={`/staff/home-visits/${v().number}`} class="ticket-link">
        <span class="ticket-number">{v().number}</span>
        <span>
          {placeName(v().service)} · {v().addressAs}
        </span>
      </A>
      <VisitStatus status={v().status} overdue={v().overdue} />
      <p class="muted">
        {placeName(v().community)}
        <Show when={v().partner}>{(p) => <> · {placeName(p())}</>}</Show> · {tKey('hvReason', v().reason)}
        <Show
          when={v().slotStart}
          fallback={
            <>
              {' '}
              · {t('hvDueLabel')} {formatDate(v().dueAt)}
            </>
          }
        >
          {(at) => (
            <>
              {' '}
              · {t('hvSlot')} {formatDateTime(at())}
            </>
          )}
        </Show>
      </p>
    </li>
  );
}

/** The home-visit requests the staff member may see; a partner sees only those sent to it. Filters live in the URL. */
export default function VisitQueue() {
  const [params, setParams] = useSearchParams<VisitFilters>();
  const me = createAsync(() => getMe());
  const isPartner = () => me()?.staff?.role === 'partner';
  const queue = createAsync(() =>
    getVisitQueue({ status: params.status, partner: params.partner, overdue: params.overdue, before: params.before }),
  );
  const partners = createAsync(() => getPartnerFigures());
  return (
    <>
      <h1>{isPartner() ? t('hvQueueTitlePartner') : t('hvQueueTitle')}</h1>
      <A class="button button-secondary" href="/staff/home-visits/partners">
        {t('hvPartnersTitle')}
      </A>
      <ExportControl
        ability="visit.export"
        title="exportVisits"
        href={(query) => `/api${api.desk['home-visits'].export.$path({ query })}`}
      />
      <form class="filters" onSubmit={(e) => e.preventDefault()}>
        <label>
          {t('filterStatus')}
          <select
            value={params.status ?? 'open'}
            onChange={(e) => setParams({ status: e.currentTarget.value, before: undefined })}
          >
            <option value="open">{t('openStatuses')}</option>
            <option value="all">{t('allStatuses')}</option>
            <For each={statuses}>{(s) => <option value={s}>{tKey('hvStatus', s)}</option>}</For>
          </select>
        </label>
        <Show when={!isPartner() && (partners()?.partners.length ?? 0) > 0}>
          <label>
            {t('hvFilterPartner')}
            <select
              value={params.partner ?? ''}
              onChange={(e) => setParams({ partner: e.currentTarget.value || undefined, before: undefined })}
            >
              <option value="">{t('hvAllPartners')}</option>
              <For each={partners()?.partners}>{(p) => <option value={p.slug}>{placeName(p)}</option>}</For>
            </select>
          </label>
        </Show>
        <label class="check">
          <input
            type="checkbox"
            checked={params.overdue === '1'}
            onChange={(e) => setParams({ overdue: e.currentTarget.checked ? '1' : undefined, before: undefined })}
          />
          {t('filterOverdue')}
        </label>
      </form>
      <ErrorBoundary fallback={(err, retry) => <LoadError error={err} retry={retry} />}>
        <Suspense fallback={<Loading />}>
          <ListOr each={queue()?.visits} empty={<p>{t('hvQueueEmpty')}</p>}>
            {(visit) => <VisitCard visit={visit} />}
          </ListOr>
          <Show when={queue()?.nextBefore}>
            {(before) => (
              <button
                type="button"
                class="button button-secondary"
                onClick={() => setParams({ before: String(before()) })}
              >
                {t('hvMore')}
              </button>
            )}
          </Show>
        </Suspense>
      </ErrorBoundary>
    </>
  );
}
