import { A, createAsync, useParams } from '@solidjs/router';
import { ErrorBoundary, For, Show, Suspense } from 'solid-js';
import { LoadError, Loading } from '../../components/states.tsx';
import { placeName, t, tKey } from '../../lib/prefs.ts';
import { Meetings } from './meetings.tsx';
import { PlanItems } from './plan-items.tsx';
import { getProject, type ProjectPage } from './queries.ts';
import { Roster } from './volunteers.tsx';
import { WishForm } from './wish-form.tsx';
import { WishList } from './wish-list.tsx';

/** The project at a glance: where, how far, how many wishes came true, who works on it. */
function Summary(props: { project: ProjectPage }) {
  const p = () => props.project;
  return (
    <section class="card">
      <p class="muted">
        {placeName(p().compound)} · {placeName(p().community)}
      </p>
      <p class={`item-state project-${p().status}`}>{tKey('projectStatus', p().status)}</p>
      <p>{t('projectCounts', { wishes: p().counts.wishes, cameTrue: p().counts.cameTrue })}</p>
      <Show when={p().summary}>
        <p>{p().summary}</p>
      </Show>
      <Show when={p().workingGroup.length > 0 || p().partners.length > 0}>
        <dl class="facts">
          <Show when={p().workingGroup.length > 0}>
            <dt>{t('workingGroup')}</dt>
            <dd>
              {p()
                .workingGroup.map((m) => `${m.name}（${m.role}）`)
                .join('、')}
            </dd>
          </Show>
          <For each={p().partners}>
            {(partner) => (
              <>
                <dt>{tKey('partnerRole', partner.role)}</dt>
                <dd>{placeName(partner)}</dd>
              </>
            )}
          </For>
        </dl>
      </Show>
      <Show when={p().status !== 'completed'}>
        <a class="button" href="#wish-form">
          {t('wishFormTitle')}
        </a>
      </Show>
      <Show when={p().demo}>
        <p class="hint">{t('demoProject')}</p>
      </Show>
    </section>
  );
}

/** A renovation project's public page (一院一案): plan, wishes and their answers, meetings, news. */
export default function ProjectPageView() {
  const params = useParams<{ id: string }>();
  const data = createAsync(() => getProject(params.id));
  return (
    <ErrorBoundary fallback={(err, retry) => <LoadError error={err} retry={retry} />}>
      <Suspense fallback={<Loading />}>
        <Show when={data()}>
          {(d) => (
            <>
              <p>
                <A href="/renovation">← {t('renovationTitle')}</A>
              </p>
              <h1>{d().project.title}</h1>
              <Summary project={d().project} />
              <Roster volunteers={d().project.volunteers} />
              <PlanItems items={d().project.items} />
              <WishList groups={d().project.wishGroups} />
              <Meetings meetings={d().project.meetings} completed={d().project.status === 'completed'} />
              <Show when={d().project.articles.length > 0}>
                <section aria-labelledby="project-news">
                  <h2 id="project-news">{t('projectNews')}</h2>
                  <ul class="link-list">
                    <For each={d().project.articles}>
                      {(a) => (
                        <li>
                          <A href={`/news/${a.id}`}>{a.headline}</A>
                        </li>
                      )}
                    </For>
                  </ul>
                </section>
              </Show>
              <Show when={d().project.status !== 'completed'}>
                <WishForm project={d().project} retentionDays={d().retentionDays} />
              </Show>
            </>
          )}
        </Show>
      </Suspense>
    </ErrorBoundary>
  );
}
