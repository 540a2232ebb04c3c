import { A, createAsync } from '@solidjs/router';
import { Show, Suspense } from 'solid-js';
import { ListOr, Loading } from '../../components/states.tsx';
import { placeName, t, tKey } from '../../lib/prefs.ts';
import { getProjects } from './queries.ts';

/** A community's renovation projects, each with its status, progress and the wishes come true. */
export function ProjectList(props: { community: string; empty?: boolean }) {
  const data = createAsync(() => getProjects(props.community));
  return (
    <Suspense fallback={<Loading />}>
      <Show when={data()}>
        {(d) => (
          <ListOr each={d().projects} empty={props.empty === false ? null : <p>{t('renovationEmpty')}</p>}>
            {(p) => {
              const done = p.items.filter((i) => i.status === 'done').length;
              const counted = p.items.filter((i) => i.status !== 'dropped').length;
              return (
                <li class="card">
                  <A href={`/renovation/${p.id}`} class="project-link">
                    {p.title}
                  </A>
                  <p class="muted">
                    {placeName(p.compound)} · {tKey('projectStatus', p.status)}
                  </p>
                  <p>
                    {t('projectProgress', { done, total: counted })} ·{' '}
                    {t('projectCounts', { wishes: p.counts.wishes, cameTrue: p.counts.cameTrue })}
                  </p>
                </li>
              );
            }}
          </ListOr>
        )}
      </Show>
    </Suspense>
  );
}
