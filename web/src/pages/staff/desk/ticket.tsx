import { createAsync, query, useParams } from '@solidjs/router';
import { ErrorBoundary, Index, Show, Suspense } from 'solid-js';
import { LoadError, Loading } from '../../../components/states.tsx';
import { StatusBadge, Timeline } from '../../../components/timeline.tsx';
import { ZoomPhoto } from '../../../components/zoom-photo.tsx';
import { api, json } from '../../../lib/api.ts';
import { formatDate, formatDateTime } from '../../../lib/format.ts';
import { placeName, t, tKey } from '../../../lib/prefs.ts';
import { ClockFacts } from './clock-facts.tsx';
import { TicketActions } from './ticket-actions.tsx';

export const getDeskTicket = query(
  async (number: string) => json(await api.desk.tickets[':number'].$get({ param: { number } })),
  'desk-ticket',
);
export type DeskTicket = Awaited<ReturnType<typeof getDeskTicket>>;

/** One ticket for staff: everything about it, the full timeline, and the actions they may take. */
export default function StaffTicket() {
  const params = useParams<{ number: string }>();
  const data = createAsync(() => getDeskTicket(params.number));
  return (
    <ErrorBoundary fallback={(err, retry) => <LoadError error={err} retry={retry} />}>
      <Suspense fallback={<Loading />}>
        <Show when={data()}>
          {(d) => {
            const tk = () => d().ticket;
            return (
              <>
                <h1 class="ticket-number">{tk().number}</h1>
                <section class="card">
                  <StatusBadge status={tk().status} overdue={tk().overdue} />
                  <p class="ticket-description">{tk().description}</p>
                  <dl class="facts">
                    <dt>{t('categoryShort')}</dt>
                    <dd>{placeName(tk().category)}</dd>
                    <dt>{t('ownerLabel')}</dt>
                    <dd>{tKey('owner', tk().owner)}</dd>
                    <dt>{t('filterCommunity')}</dt>
                    <dd>{placeName(tk().community)}</dd>
                    <dt>{t('locationLabel')}</dt>
                    <dd>
                      {tk().compound ? `${placeName(tk().compound!)} · ` : ''}
                      {tk().location}
                    </dd>
                    <dt>{t('dueLabel')}</dt>
                    <dd>{formatDate(tk().dueAt)}</dd>
                    <dt>{t('filedAt')}</dt>
                    <dd>
                      {formatDateTime(tk().createdAt)} · {tKey('channel', tk().channel)}
                    </dd>
                    <dt>{t('phoneFull')}</dt>
                    <dd>
                      <a href={`tel:${tk().phone}`}>{tk().phone}</a> {tk().name ?? ''}
                    </dd>
                  </dl>
                  <Show when={tk().flagged}>
                    <p class="badge badge-warn">⚑ {t('flagged')}</p>
                  </Show>
                  <Show when={tk().photoCount > 0}>
                    <div class="thumbs">
                      <Index each={Array.from({ length: tk().photoCount })}>
                        {(_, i) => (
                          <ZoomPhoto
                            src={`/api/tickets/${tk().number}/photos/${i}`}
                            alt={t('photoAlt')}
                            width="96"
                            height="96"
                          />
                        )}
                      </Index>
                    </div>
                  </Show>
                </section>
                <ClockFacts ticket={tk()} />
                <Show when={!d().canWork}>
                  <p class="notice">{t('readOnly')}</p>
                </Show>
                <Show when={d().actions.length > 0}>
                  <TicketActions ticket={tk()} actions={d().actions} />
                </Show>
                <h2>{t('timelineTitle')}</h2>
                <Timeline entries={tk().timeline} />
              </>
            );
          }}
        </Show>
      </Suspense>
    </ErrorBoundary>
  );
}
