import { A, createAsync } from '@solidjs/router';
import { ErrorBoundary, Show, Suspense } from 'solid-js';
import { ListOr, LoadError, Loading } from '../../../components/states.tsx';
import { placeName, t, tKey } from '../../../lib/prefs.ts';
import { getMe } from '../../../lib/staff-session.ts';
import { getStaffProjects } from './data.ts';
import './renovation.css';
import { api } from '../../../lib/api.ts';
import { ExportControl } from '../export-control.tsx';

/** The renovation projects of the staff member's place, each with its figures at a glance. */
export default function StaffProjects() {
  const data = createAsync(() => getStaffProjects());
  const me = createAsync(() => getMe());
  return (
    <>
      <h1>{t('renoStaffTitle')}</h1>
      <Show when={me()?.abilities?.['renovation.manage']}>
        <div class="actions">
          <A class="button" href="/staff/renovation/new">
            {t('renoNewProject')}
          </A>
        </div>
      </Show>
      <ExportControl
        ability="renovation.export"
        title="exportWishes"
        href={(query) => `/api${api.renovation.staff.wishes.export.$path({ query })}`}
      />
      <ErrorBoundary fallback={(err, retry) => <LoadError error={err} retry={retry} />}>
        <Suspense fallback={<Loading />}>
          <ListOr each={data()?.projects} empty={<p class="state">{t('renoNoProjects')}</p>}>
            {(p) => (
              <li class="card">
                <h2 class="card-title">
                  <A href={`/staff/renovation/${p.id}`}>{p.title}</A>
                </h2>
                <p>
                  <span class="badge">{tKey('projectStatus', p.status)}</span> {placeName(p.compound)} ·{' '}
                  {placeName(p.community)}
                </p>
                <p class="muted">
                  {t('renoListFigures', {
                    received: p.stats.received,
                    answered: p.stats.answered,
                    cameTrue: p.stats.cameTrue,
                    open: p.stats.objectionsOpen,
                  })}
                </p>
              </li>
            )}
          </ListOr>
        </Suspense>
      </ErrorBoundary>
    </>
  );
}
