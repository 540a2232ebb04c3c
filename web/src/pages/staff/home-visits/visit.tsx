import { A, createAsync, useParams } from '@solidjs/router';
import { ErrorBoundary, type JSX, Show, Suspense } from 'solid-js';
import { LoadError, Loading } from '../../../components/states.tsx';
import { formatTimeRange } from '../../../lib/event-time.ts';
import { formatDate, formatDateTime } from '../../../lib/format.ts';
import { placeName, t, tKey } from '../../../lib/prefs.ts';
import { DoorCode, VisitStatus, VisitTimeline } from '../../home-visits/visit-timeline.tsx';
import { getStaffVisit, type StaffVisit } from './queries.ts';
import { VisitActions } from './visit-actions.tsx';
import '../../home-visits/home-visits.css';

/** A personal detail as the server gives it: null once it is no longer shown to this staff member. */
function Shown(props: { value: string | null | undefined; children?: (value: string) => JSX.Element }) {
  return (
    <Show when={props.value} fallback={<span class="hidden-details">{t('hvNotShown')}</span>}>
      {(v) => (props.children ? props.children(v()) : v())}
    </Show>
  );
}

const addressLine = (a: NonNullable<StaffVisit['address']>) =>
  [a.compound ? placeName(a.compound) : '', a.building, a.unit, a.room].filter(Boolean).join(' ');

/** Why the address and phone are not shown, or until when they are (a partner after the visit). */
function Hidden(props: { visit: StaffVisit }) {
  return (
    <Show
      when={!props.visit.revealed}
      fallback={
        <Show when={props.visit.revealUntil}>
          {(until) => <p class="notice">{t('hvShownUntil', { date: formatDate(until()) })}</p>}
        </Show>
      }
    >
      <p class="notice">
        {props.visit.revealUntil ? t('hvHiddenUntil', { date: formatDate(props.visit.revealUntil) }) : t('hvHidden')}
      </p>
    </Show>
  );
}

function Facts(props: { visit: StaffVisit }) {
  const v = () => props.visit;
  return (
    <dl class="facts visit-facts">
      <dt>{t('hvService')}</dt>
      <dd>{placeName(v().service)}</dd>
      <dt>{t('filterCommunity')}</dt>
      <dd>{placeName(v().community)}</dd>
      <Show when={v().partner}>
        {(p) => (
          <>
            <dt>{t('hvPartner')}</dt>
            <dd>{placeName(p())}</dd>
          </>
        )}
      </Show>
      <dt>{t('hvForWhom')}</dt>
      <dd>
        {v().forWhom.addressAs} · <Shown value={v().forWhom.name} />
      </dd>
      <dt>{t('hvAddress')}</dt>
      <dd>
        <Shown value={v().address ? addressLine(v().address!) : null} />
      </dd>
      <dt>{t('hvPhoneShort')}</dt>
      <dd>
        <Shown value={v().phone}>{(phone) => <a href={`tel:${phone}`}>{phone}</a>}</Shown>
      </dd>
      <dt>{t('hvRequester')}</dt>
      <dd>
        {tKey('hvRequester', v().relation)}
        {v().requesterName ? ` · ${v().requesterName}` : ''} · {tKey('channel', v().channel)}
      </dd>
      <dt>{t('hvReasonShort')}</dt>
      <dd>
        {tKey('hvReason', v().reason.kind)}
        {v().reason.note ? ` · ${v().reason.note}` : ''}
      </dd>
      <Show when={v().preferredTimes}>
        <dt>{t('hvPreferredShort')}</dt>
        <dd>{v().preferredTimes}</dd>
      </Show>
      <dt>{t('hvRequestedAt')}</dt>
      <dd>{formatDateTime(v().createdAt)}</dd>
      <dt>{t('hvDueLabel')}</dt>
      <dd>{formatDate(v().dueAt)}</dd>
      <Show when={v().slot}>
        {(slot) => (
          <>
            <dt>{v().status === 'accepted' ? t('hvSlotProposed') : t('hvSlot')}</dt>
            <dd class="visit-slot">{formatTimeRange(slot().start, slot().end)}</dd>
          </>
        )}
      </Show>
      <Show when={v().visitorName}>
        <dt>{t('hvVisitorName')}</dt>
        <dd>{v().visitorName}</dd>
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
      <Show when={v().rating}>
        {(r) => (
          <>
            <dt>{t('hvRatingLabel')}</dt>
            <dd>
              {'★'.repeat(r().score)} {r().score} {t('stars')}
              {r().comment ? ` · ${r().comment}` : ''}
            </dd>
          </>
        )}
      </Show>
    </dl>
  );
}

/** One home visit for community or partner staff: what the server shows them, and what it lets them do. */
export default function StaffVisitPage() {
  const params = useParams<{ number: string }>();
  const data = createAsync(() => getStaffVisit(params.number));
  return (
    <ErrorBoundary fallback={(err, retry) => <LoadError error={err} retry={retry} />}>
      <Suspense fallback={<Loading />}>
        <Show when={data()}>
          {(d) => (
            <Show
              when={d().visit}
              fallback={
                <>
                  <h1 class="ticket-number">{params.number}</h1>
                  <p class="notice">{t('hvVisitGone')}</p>
                  <A class="button" href="/staff/home-visits">
                    {t('hvBackToList')}
                  </A>
                </>
              }
            >
              {(v) => (
                <>
                  <h1 class="ticket-number">{v().number}</h1>
                  <section class="card">
                    <VisitStatus status={v().status} overdue={v().overdue} />
                    <Hidden visit={v()} />
                    <Facts visit={v()} />
                    <Show when={v().visitCode}>
                      {(code) => <DoorCode code={code()} label={t('hvCodeLabel')} hint={t('hvCodeStaffHint')} />}
                    </Show>
                  </section>
                  <Show when={d().actions.length > 0}>
                    <VisitActions visit={v()} actions={d().actions} />
                  </Show>
                  <h2>{t('timelineTitle')}</h2>
                  <VisitTimeline entries={v().timeline} />
                </>
              )}
            </Show>
          )}
        </Show>
      </Suspense>
    </ErrorBoundary>
  );
}
