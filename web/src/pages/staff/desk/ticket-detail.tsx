import { Index, Show } from 'solid-js';
import { Dynamic } from 'solid-js/web';
import { StatusBadge, Timeline } from '../../../components/timeline.tsx';
import { ZoomPhoto } from '../../../components/zoom-photo.tsx';
import { formatDate, formatDateTime } from '../../../lib/format.ts';
import { placeName, t, tKey } from '../../../lib/prefs.ts';
import { ClockFacts } from './clock-facts.tsx';
import type { DeskTicket } from './ticket.tsx';
import { TicketActions } from './ticket-actions.tsx';
import { TicketDisputes } from './ticket-disputes.tsx';
import { TicketParts } from './ticket-parts.tsx';

type Ticket = DeskTicket['ticket'];

/** What staff know about the ticket: the resident's words in full, where, when, who to call. */
function Facts(props: { ticket: Ticket }) {
  const tk = () => props.ticket;
  return (
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
        <Show when={tk().position}>
          {(p) => (
            <>
              <dt>{t('positionLabel')}</dt>
              <dd>
                {t('positionDegrees', { lat: p().lat, long: p().long })}
                <br />
                {/* A geo: URI opens the phone's own map app; no map tiles that may not load here. */}
                <a class="geo-link" href={`geo:${p().lat},${p().long}`}>
                  {t('positionOpenInMaps')}
                </a>
              </dd>
            </>
          )}
        </Show>
        <dt>{t('dueLabel')}</dt>
        <dd>{formatDate(tk().dueAt)}</dd>
        <Show when={tk().parts.length === 0}>
          <dt>{t('assigneeLabel')}</dt>
          <dd>{tk().assignee?.name ?? t('nobodyAssigned')}</dd>
        </Show>
        <Show when={tk().handoffs > 0}>
          <dt>{t('handoffsLabel')}</dt>
          <dd>{tk().handoffs}</dd>
        </Show>
        <dt>{t('filedAt')}</dt>
        <dd>
          {formatDateTime(tk().createdAt)} · {tKey('channel', tk().channel)}
          {tk().partnerApp ? ` · ${tk().partnerApp}` : ''}
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
              <ZoomPhoto src={`/api/tickets/${tk().number}/photos/${i}`} alt={t('photoAlt')} width="96" height="96" />
            )}
          </Index>
        </div>
      </Show>
    </section>
  );
}

/**
 * One ticket for staff: its facts, the actions they may take, the full timeline. The ticket's
 * own page shows it under an h1; the workbench's pane one level down, beside the queue.
 */
export function TicketDetail(props: { data: DeskTicket; level?: 1 | 2 }) {
  const level = () => props.level ?? 1;
  return (
    <>
      <Dynamic component={`h${level()}`} class="ticket-number">
        {props.data.ticket.number}
      </Dynamic>
      <Facts ticket={props.data.ticket} />
      <ClockFacts ticket={props.data.ticket} />
      <Show when={!props.data.canWork}>
        <p class="notice">{t('readOnly')}</p>
      </Show>
      <Show when={props.data.ticket.parts.length > 0}>
        <TicketParts ticket={props.data.ticket} />
      </Show>
      <Show when={props.data.canSupervise}>
        <TicketDisputes ticket={props.data.ticket} />
      </Show>
      <Show when={props.data.actions.length > 0}>
        <TicketActions ticket={props.data.ticket} actions={props.data.actions} level={level() + 1} />
      </Show>
      <Dynamic component={`h${level() + 1}`}>{t('timelineTitle')}</Dynamic>
      <Timeline entries={props.data.ticket.timeline} />
    </>
  );
}
