import { createAsync, query } from '@solidjs/router';
import { createSignal, For, Index, Show, Suspense } from 'solid-js';
import { NeedPlace } from '../../components/need-place.tsx';
import { Loading } from '../../components/states.tsx';
import { StatusBadge } from '../../components/timeline.tsx';
import { api, json } from '../../lib/api.ts';
import { formatDate } from '../../lib/format.ts';
import { placeName, t } from '../../lib/prefs.ts';

const getBoard = query(async (community: string) => json(await api.board.$get({ query: { community } })), 'board');
type BoardTicket = Awaited<ReturnType<typeof getBoard>>['tickets'][number];

function BoardItem(props: { ticket: BoardTicket }) {
  const [count, setCount] = createSignal(props.ticket.meToo);
  const [pressed, setPressed] = createSignal(false);
  const meToo = async () => {
    const { meToo } = await json(await api.board[':number']['me-too'].$post({ param: { number: props.ticket.number } }));
    setCount(meToo);
    setPressed(true);
  };
  return (
    <li class="card">
      <p class="muted">
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
            {(_, i) => <img src={`/api/tickets/${props.ticket.number}/photos/${i}`} alt={t('photoAlt')} width="96" height="96" loading="lazy" />}
          </Index>
        </div>
      </Show>
      <StatusBadge status={props.ticket.status} overdue={props.ticket.overdue} />
      <div class="actions">
        <button type="button" class="button button-secondary" aria-pressed={pressed()} disabled={pressed()} onClick={meToo}>
          👋 {t('meToo')}
        </button>
        <span aria-live="polite">
          {count()} {t('meTooCount')}
        </span>
      </div>
    </li>
  );
}

/** The community's open problems, so neighbours add "me too" instead of filing again. */
export default function Board() {
  return (
    <>
      <h1>{t('boardTitle')}</h1>
      <p class="lead">{t('boardIntro')}</p>
      <NeedPlace>
        {(place) => {
          const board = createAsync(() => getBoard(place.community.slug));
          return (
            <Suspense fallback={<Loading />}>
              <Show when={board()}>
                {(b) => (
                  <ul class="plain-list">
                    <For each={b().tickets} fallback={<p>{t('boardEmpty')}</p>}>
                      {(ticket) => <BoardItem ticket={ticket} />}
                    </For>
                  </ul>
                )}
              </Show>
            </Suspense>
          );
        }}
      </NeedPlace>
    </>
  );
}
