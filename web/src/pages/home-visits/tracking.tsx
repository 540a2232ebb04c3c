import { createAsync, useParams, useSearchParams } from '@solidjs/router';
import { ErrorBoundary, Show, Suspense } from 'solid-js';
import { BadLink } from '../../components/bad-link.tsx';
import { CopyButton } from '../../components/copy-button.tsx';
import { LoadError, Loading } from '../../components/states.tsx';
import { StopSms } from '../../components/stop-sms.tsx';
import { api, json } from '../../lib/api.ts';
import { formatTimeRange } from '../../lib/event-time.ts';
import { formatDate, formatDateTime } from '../../lib/format.ts';
import { placeName, t, tKey } from '../../lib/prefs.ts';
import { getVisitTracking, type VisitTracking } from './queries.ts';
import { RequesterActions } from './requester-actions.tsx';
import { DoorCode, VisitStatus, VisitTimeline } from './visit-timeline.tsx';
import './home-visits.css';

/** Who will come and when, with the door code, once the time is agreed. */
function Visitor(props: { visit: VisitTracking }) {
  return (
    <Show when={props.visit.visitor}>
      {(v) => (
        <section class="card visitor-card" aria-labelledby="visitor-title">
          <h2 id="visitor-title">{t('hvVisitorTitle')}</h2>
          <dl class="facts visit-facts">
            <Show when={props.visit.slot}>
              {(slot) => (
                <>
                  <dt>{t('hvSlot')}</dt>
                  <dd class="visit-slot">{formatTimeRange(slot().start, slot().end)}</dd>
                </>
              )}
            </Show>
            <dt>{t('hvPartner')}</dt>
            <dd>{placeName(v().organisation)}</dd>
            <Show when={v().name}>
              <dt>{t('hvVisitorName')}</dt>
              <dd>{v().name}</dd>
            </Show>
          </dl>
          <DoorCode code={v().code} label={t('hvCodeLabel')} hint={t('homeVisitCodeHint')} />
        </section>
      )}
    </Show>
  );
}

/** What the request is: for whom, what, where (building and unit only), and when it was asked. */
function Facts(props: { visit: VisitTracking }) {
  const v = () => props.visit;
  return (
    <dl class="facts visit-facts">
      <dt>{t('hvService')}</dt>
      <dd>{placeName(v().service)}</dd>
      <Show when={v().partner}>
        {(p) => (
          <>
            <dt>{t('hvPartner')}</dt>
            <dd>{placeName(p())}</dd>
          </>
        )}
      </Show>
      <dt>{t('hvForWhom')}</dt>
      <dd>{v().forWhom.addressAs}</dd>
      <dt>{t('hvAddress')}</dt>
      <dd>
        {placeName(v().community)} · {v().address.building} {v().address.unit}
      </dd>
      <dt>{t('hvPhoneShort')}</dt>
      <dd>{v().phone}</dd>
      <dt>{t('hvRequestedAt')}</dt>
      <dd>{formatDateTime(v().createdAt)}</dd>
      <Show when={v().preferredTimes}>
        <dt>{t('hvPreferredShort')}</dt>
        <dd>{v().preferredTimes}</dd>
      </Show>
      <Show when={!v().visitor && v().slot}>
        {(_) => (
          <>
            <dt>{v().status === 'accepted' ? t('hvSlotProposed') : t('hvSlot')}</dt>
            <dd class="visit-slot">{formatTimeRange(v().slot!.start, v().slot!.end)}</dd>
          </>
        )}
      </Show>
      <Show when={!v().slot && !v().outcome && ['requested', 'reviewed', 'sent'].includes(v().status)}>
        <dt>{t('hvDueLabel')}</dt>
        <dd>{formatDate(v().dueAt)}</dd>
      </Show>
      <Show when={v().outcome}>
        {(o) => (
          <>
            <dt>{t('hvOutcomeLabel')}</dt>
            <dd>
              {tKey('hvOutcome', o().result)}
              {o().note ? ` · ${o().note}` : ''}
            </dd>
          </>
        )}
      </Show>
    </dl>
  );
}

/** The requester's private page for one home visit: where it stands, who comes, what they can do. */
export default function VisitTrackingPage() {
  const params = useParams<{ number: string }>();
  const [search] = useSearchParams<{ token: string }>();
  const visit = createAsync(() => getVisitTracking(params.number, search.token ?? ''));
  return (
    <>
      <h1>{t('hvTrackTitle')}</h1>
      <ErrorBoundary
        fallback={(err, retry) => (
          <LoadError
            error={err}
            retry={retry}
            badLink={() => <BadLink number={params.number} message={t('hvBadLink')} kind="visit" />}
          />
        )}
      >
        <Suspense fallback={<Loading />}>
          <Show when={visit()}>
            {(v) => (
              <>
                {/* Once the time is agreed, who comes and the door code matter most: they come first. */}
                <Visitor visit={v()} />
                <section class="card">
                  <p class="ticket-number visit-number">
                    {t('hvNumber')} <span>{v().number}</span>
                  </p>
                  <VisitStatus status={v().status} overdue={v().overdue} />
                  <Facts visit={v()} />
                </section>
                <RequesterActions visit={v()} token={search.token ?? ''} />
                <StopSms
                  when={v().smsActive}
                  send={async () =>
                    json(
                      await api.messages.stop.visit.$post({ json: { number: v().number, token: search.token ?? '' } }),
                    )
                  }
                />
                <p class="notice">{t('keepLink')}</p>
                <CopyButton text={() => location.href} label={t('copyLink')} />
                <p class="muted visit-retention">{t('hvRetention', { days: v().retentionDays })}</p>
                <h2>{t('timelineTitle')}</h2>
                <VisitTimeline entries={v().timeline} />
              </>
            )}
          </Show>
        </Suspense>
      </ErrorBoundary>
    </>
  );
}
