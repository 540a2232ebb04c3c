import { createAsync, useParams, useSearchParams } from '@solidjs/router';
import { ErrorBoundary, Index, Show, Suspense } from 'solid-js';
import { BadLink } from '../../components/bad-link.tsx';
import { CopyButton } from '../../components/copy-button.tsx';
import { ShownAsOf } from '../../components/offline-notes.tsx';
import { ReadAloud } from '../../components/read-aloud.tsx';
import { LoadError, Loading } from '../../components/states.tsx';
import { StatusBadge, Timeline } from '../../components/timeline.tsx';
import { ZoomPhoto } from '../../components/zoom-photo.tsx';
import { formatDate, formatDateTime, formatShortDay } from '../../lib/format.ts';
import { placeName, prefs, t, tKey } from '../../lib/prefs.ts';
import { getTracking } from './queries.ts';
import { ResidentActions } from './resident-actions.tsx';
import { ClockState, Survivor } from './tracking-clock.tsx';

/** The resident's private page for one ticket: where it stands, what happened, what they can do. */
export default function TrackingPage() {
  const params = useParams<{ number: string }>();
  const [search] = useSearchParams<{ token: string }>();
  const ticket = createAsync(() => getTracking(params.number, search.token ?? ''));
  let card: HTMLElement | undefined;
  return (
    <>
      <h1>{t('ticketTitle')}</h1>
      <ErrorBoundary
        fallback={(err, retry) => (
          <LoadError
            error={err}
            retry={retry}
            badLink={() => <BadLink number={params.number} message={t('badTrackingLink')} kind="ticket" />}
          />
        )}
      >
        <Suspense fallback={<Loading />}>
          <Show when={ticket()}>
            {(tk) => (
              <>
                <ShownAsOf data={tk()} />
                <ReadAloud parts={() => [card]} />
                <section class="card" ref={card}>
                  <p class="ticket-number">
                    {t('ticketNumber')} <span class="number">{tk().number}</span>
                  </p>
                  <StatusBadge status={tk().status} overdue={tk().overdue} />
                  <ClockState ticket={tk()} locale={prefs.locale()} />
                  <dl class="facts">
                    <dt>{t('categoryShort')}</dt>
                    <dd>{placeName(tk().category)}</dd>
                    <dt>{t('ownerLabel')}</dt>
                    <dd>{tKey('owner', tk().owner)}</dd>
                    <dt>{t('dueLabel')}</dt>
                    <dd>{formatDate(tk().dueAt)}</dd>
                    <dt>{t('filedAt')}</dt>
                    <dd>{formatDateTime(tk().createdAt)}</dd>
                    <dt>{t('locationLabel')}</dt>
                    <dd>
                      {tk().compound ? `${placeName(tk().compound!)} · ` : ''}
                      {tk().location}
                    </dd>
                    {/* Not read aloud: a phone number is private, and the stars are noise. */}
                    <dt data-no-read>{t('phoneFull')}</dt>
                    <dd data-no-read>{tk().phone}</dd>
                  </dl>
                  <Show when={tk().parts.length > 0}>
                    <p class="parts-progress">
                      <strong>{t('partsProgress')}</strong>{' '}
                      {tk()
                        .parts.map(
                          (p) =>
                            t('sideSays', { side: tKey('side', p.side) }) +
                            tKey('partStatus', p.status) +
                            (p.doneAt ? t('partDoneOn', { date: formatShortDay(p.doneAt) }) : ''),
                        )
                        .join(' · ')}
                    </p>
                  </Show>
                  <p class="ticket-description" lang="zh-CN">
                    {tk().description}
                  </p>
                  <Show when={tk().photoCount > 0}>
                    <div class="thumbs">
                      <Index each={Array.from({ length: tk().photoCount })}>
                        {(_, i) => (
                          <ZoomPhoto
                            src={`/api/tickets/${tk().number}/photos/${i}?token=${encodeURIComponent(search.token ?? '')}`}
                            alt={t('photoAlt')}
                            width="96"
                            height="96"
                            loading="lazy"
                          />
                        )}
                      </Index>
                    </div>
                  </Show>
                </section>
                <p class="notice">{t('keepLink')}</p>
                <div class="actions">
                  <CopyButton text={() => location.href} label={t('copyLink')} />
                </div>
                <Survivor ticket={tk()} />
                <ResidentActions ticket={tk()} token={search.token ?? ''} />
                <h2>{t('timelineTitle')}</h2>
                <Timeline entries={tk().timeline} />
              </>
            )}
          </Show>
        </Suspense>
      </ErrorBoundary>
    </>
  );
}
