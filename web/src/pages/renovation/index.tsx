import { A } from '@solidjs/router';
import { For, Show } from 'solid-js';
import { NeedPlace } from '../../components/need-place.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { myWishes } from '../../lib/my-tickets.ts';
import { placeName, t } from '../../lib/prefs.ts';
import { ProjectList } from './project-list.tsx';
import { wishPath } from './queries.ts';

/** Courtyard renovation for residents: their community's projects and their own wishes. */
export default function Renovation() {
  return (
    <>
      <h1>{t('renovationTitle')}</h1>
      <p class="lead">{t('renovationIntro')}</p>
      <Show when={myWishes.list().length > 0}>
        <section class="card">
          <h2>{t('myWishes')}</h2>
          <ul class="link-list">
            <For each={myWishes.list()}>
              {(wish) => (
                <li>
                  <A href={wishPath(wish)}>{wish.number}</A> <span class="muted">{formatDateTime(wish.at)}</span>
                </li>
              )}
            </For>
          </ul>
        </section>
      </Show>
      <NeedPlace>
        {(place) => (
          <>
            <p>
              <strong>{placeName(place.community)}</strong>
            </p>
            <ProjectList community={place.community.slug} />
          </>
        )}
      </NeedPlace>
    </>
  );
}
