import { action, createAsync, useSubmission } from '@solidjs/router';
import { createComputed, createSignal, Index, on, Show, Suspense } from 'solid-js';
import { ScopedPlace } from '../../components/scoped-place.tsx';
import { ListOr, Loading } from '../../components/states.tsx';
import { StatusBadge } from '../../components/timeline.tsx';
import { ZoomPhoto } from '../../components/zoom-photo.tsx';
import { api, json } from '../../lib/api.ts';
import { useQuietAction } from '../../lib/form-action.ts';
import { formatDate } from '../../lib/format.ts';
import { myMeToos } from '../../lib/my-tickets.ts';
import { placeName, t } from '../../lib/prefs.ts';
import type { PlaceQuery } from '../../lib/scope.ts';
import { BoardFigures } from './board-figures.tsx';
import { type BoardTicket, getBoard } from './queries.ts';

/** One more neighbour with the same problem; the answer is the new count. */
const addMeToo = action(async (number: string) => {
  const { meToo } = await json(await api.board[':number']['me-too'].$post({ param: { number } }));
  myMeToos.remember(number, meToo);
  return meToo;
}, 'board-me-too');

function BoardItem(props: { ticket: BoardTicket; wide: boolean }) {
  const added = useSubmission(addMeToo, ([number]) => number === props.ticket.number);
  const meToo = useQuietAction(addMeToo);
  const mine = () => myMeToos.counts()[props.ticket.number];
  const count = () => Math.max(added.result ?? 0, mine() ?? 0, props.ticket.meToo);
  const pressed = () => added.result !== undefined || mine() !== undefined;
  return (
    <li class="card">
      <p class="muted">
        {props.wide ? `${placeName(props.ticket.community)} · ` : ''}
        {placeName(props.ticket.category)} · {formatDate(props.ticket.createdAt)}
      </p>
      <p>{props.ticket.description}</p>
      <p class="muted">
        {props.ticket.compound ? `${placeName(props.ticket.compound)} · ` : ''}
        {props.ticket.location}
      </p>
      <Show when={props.ticket.photoCount > 0}>
        <div class="thumbs">
          <Index each={Array.from({ length: props.ticket.photoCount })}>
            {(_, i) => (
              <ZoomPhoto
                src={`/api/tickets/${props.ticket.number}/photos/${i}`}
                alt={t('photoAlt')}
                width="96"
                height="96"
                loading="lazy"
              />
            )}
          </Index>
        </div>
      </Show>
      <StatusBadge status={props.ticket.status} overdue={props.ticket.overdue} />
      <div class="actions">
        <button
          type="button"
          class="button button-secondary"
          aria-pressed={pressed()}
          disabled={pressed() || !!added.pending}
          onClick={() => meToo(props.ticket.number)}
        >
          👋 {t('meToo')}
        </button>
        <span aria-live="polite">
          {count()} {t('meTooCount')}
        </span>
      </div>
    </li>
  );
}

/** A place's open problems, a page at a time; "more" follows the cursor, and starts again for another place. */
function BoardList(props: { where: PlaceQuery }) {
  const first = createAsync(() => getBoard(props.where));
  const [more, setMore] = createSignal<BoardTicket[]>([]);
  const [next, setNext] = createSignal<string | null | undefined>(undefined);
  createComputed(
    on(
      () => JSON.stringify(props.where),
      () => {
        setMore([]);
        setNext(undefined);
      },
      { defer: true },
    ),
  );
  const cursor = () => (next() === undefined ? first()?.nextAfter : next());
  const loadMore = async () => {
    const page = await getBoard(props.where, cursor()!);
    setMore([...more(), ...page.tickets]);
    setNext(page.nextAfter);
  };
  return (
    <Suspense fallback={<Loading />}>
      <Show when={first()}>
        {(b) => (
          <>
            <ListOr each={[...b().tickets, ...more()]} empty={<p>{t('boardEmpty')}</p>}>
              {(ticket) => <BoardItem ticket={ticket} wide={!props.where.community} />}
            </ListOr>
            <Show when={cursor()}>
              <button type="button" class="button button-secondary" onClick={loadMore}>
                {t('moreTickets')}
              </button>
            </Show>
          </>
        )}
      </Show>
    </Suspense>
  );
}

/** Open problems of the community, its sub-district or the district, so neighbours add "me too" instead of filing again. */
export default function Board() {
  return (
    <>
      <h1>{t('boardTitle')}</h1>
      <p class="lead">{t('boardIntro')}</p>
      <ScopedPlace page="board">
        {(where) => (
          <>
            <BoardList where={where()} />
            <BoardFigures where={where()} />
          </>
        )}
      </ScopedPlace>
    </>
  );
}
