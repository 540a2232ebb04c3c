import { action, useSubmission } from '@solidjs/router';
import { For, Show } from 'solid-js';
import { ListOr } from '../../components/states.tsx';
import { api, json } from '../../lib/api.ts';
import { useQuietAction } from '../../lib/form-action.ts';
import { formatDate } from '../../lib/format.ts';
import { myMeToos } from '../../lib/my-tickets.ts';
import { t, tKey } from '../../lib/prefs.ts';
import { Answer } from './answer.tsx';
import type { ProjectPage, PublicWish } from './queries.ts';
import { WishCredit } from './volunteers.tsx';

/** One more neighbour with the same wish; the answer is the new count. */
const addMeToo = action(async (number: string) => {
  const { meToo } = await json(await api.renovation.wishes[':number']['me-too'].$post({ param: { number } }));
  myMeToos.remember(number, meToo);
  return meToo;
}, 'wish-me-too');

/** "我也希望": counted once per phone, and still shown as pressed after a reload. */
function MeToo(props: { wish: PublicWish }) {
  const added = useSubmission(addMeToo, ([number]) => number === props.wish.number);
  const meToo = useQuietAction(addMeToo);
  const mine = () => myMeToos.counts()[props.wish.number];
  const count = () => Math.max(added.result ?? 0, mine() ?? 0, props.wish.meToo);
  const pressed = () => added.result !== undefined || mine() !== undefined;
  return (
    <div class="actions">
      <Show when={props.wish.canMeToo}>
        <button
          type="button"
          class="button button-secondary"
          aria-pressed={pressed()}
          disabled={pressed() || !!added.pending}
          onClick={() => meToo(props.wish.number)}
        >
          🙋 {t('meTooWish')}
        </button>
      </Show>
      <Show when={props.wish.canMeToo || count() > 0}>
        <span aria-live="polite">
          {count()} {t('meTooWishCount')}
        </span>
      </Show>
    </div>
  );
}

function WishItem(props: { wish: PublicWish }) {
  const w = () => props.wish;
  return (
    <li class="card wish" id={`wish-${w().number}`}>
      <p class="muted">
        <span class="badge">{tKey('wishKind', w().kind)}</span> <span class="wish-number">{w().number}</span> ·{' '}
        {formatDate(w().createdAt)}
        <Show when={w().location}> · {w().location}</Show>
      </p>
      <p>{w().description}</p>
      <WishCredit wish={w()} />
      <Show when={w().item}>{(item) => <p class="muted">{t('answerItem', { item: item().title })}</p>}</Show>
      <Answer answer={w().answer} />
      <MeToo wish={w()} />
    </li>
  );
}

/** The public list: every wish and objection under its answer, what came true first. */
export function WishList(props: { groups: ProjectPage['wishGroups'] }) {
  return (
    <section aria-labelledby="wishes-title">
      <h2 id="wishes-title">{t('wishesTitle')}</h2>
      <p class="hint">{t('wishesIntro')}</p>
      <ListOr each={props.groups} empty={<p>{t('wishesEmpty')}</p>}>
        {(group) => (
          <li>
            <h3>
              {tKey('outcome', group.outcome)} ({group.wishes.length})
            </h3>
            <ul class="plain-list">
              <For each={group.wishes}>{(wish) => <WishItem wish={wish} />}</For>
            </ul>
          </li>
        )}
      </ListOr>
    </section>
  );
}
