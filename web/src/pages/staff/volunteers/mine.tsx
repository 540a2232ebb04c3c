import { A, createAsync } from '@solidjs/router';
import { ErrorBoundary, For, Show, Suspense } from 'solid-js';
import { LoadError, Loading } from '../../../components/states.tsx';
import { ApiFailure } from '../../../lib/api.ts';
import { placeName, t } from '../../../lib/prefs.ts';
import { rolesText } from '../../renovation/volunteers.tsx';
import { NeighbourWishForm, ProblemForm } from './neighbour-forms.tsx';
import { getMine } from './queries.ts';

/**
 * A volunteer's own page: their compound's projects and the two things they may do there,
 * record a neighbour's wish (信息收集员) and report a quality problem (质量监督员).
 */
export default function VolunteerHome() {
  const mine = createAsync(() => getMine());
  const notOnRoster = (err: unknown) => err instanceof ApiFailure && err.status === 403;
  return (
    <>
      <h1>{t('volunteerHome')}</h1>
      <ErrorBoundary
        fallback={(err, retry) =>
          notOnRoster(err) ? <p class="notice">{t('volunteerNotOnRoster')}</p> : <LoadError error={err} retry={retry} />
        }
      >
        <Suspense fallback={<Loading />}>
          <Show when={mine()}>
            {(m) => (
              <>
                <p class="lead">
                  {t('volunteerHello', {
                    name: m().volunteer.name,
                    compound: placeName(m().volunteer.compound),
                    roles: rolesText(m().volunteer.roles),
                  })}
                </p>
                <Show when={m().projects.length > 0} fallback={<p>{t('volunteerNoProjects')}</p>}>
                  <For each={m().projects}>
                    {(project) => (
                      <section aria-labelledby={`project-${project.id}`}>
                        <h2 id={`project-${project.id}`}>{project.title}</h2>
                        <p>
                          <A href={`/renovation/${project.id}`}>{t('viewProject')}</A>
                        </p>
                        <Show
                          when={m().volunteer.roles.includes('information_collector') && project.status !== 'completed'}
                        >
                          <NeighbourWishForm project={project} retentionDays={m().retentionDays} />
                        </Show>
                        <Show when={m().volunteer.roles.includes('quality_supervisor') && project.items.length > 0}>
                          <ProblemForm project={project} />
                        </Show>
                      </section>
                    )}
                  </For>
                </Show>
              </>
            )}
          </Show>
        </Suspense>
      </ErrorBoundary>
    </>
  );
}
