import { A, createAsync, useParams, useSearchParams } from '@solidjs/router';
import { ErrorBoundary, For, Show, Suspense } from 'solid-js';
import { ListOr, LoadError, Loading } from '../../../components/states.tsx';
import { formatDate } from '../../../lib/format.ts';
import { t, tKey } from '../../../lib/prefs.ts';
import { getStaffProject, getStaffWishes } from './data.ts';
import { ProjectHeader } from './project-tabs.tsx';
import './renovation.css';

type Filters = { outcome?: string; kind?: string };
const outcomes = ['received', 'under_consideration', 'on_agenda', 'in_plan', 'came_true', 'not_possible', 'merged'];

/** The filters of the triage list; they live in the address, so a filtered list can be shared. */
function WishFilters(props: { params: Filters; set: (f: Filters) => void }) {
  return (
    <form class="filters" onSubmit={(e) => e.preventDefault()}>
      <label>
        {t('renoFilterOutcome')}
        <select
          value={props.params.outcome ?? 'open'}
          onChange={(e) => props.set({ outcome: e.currentTarget.value === 'open' ? undefined : e.currentTarget.value })}
        >
          <option value="open">{t('renoFilterOpen')}</option>
          <option value="all">{t('renoFilterAll')}</option>
          <For each={outcomes}>{(o) => <option value={o}>{tKey('outcome', o)}</option>}</For>
        </select>
      </label>
      <label>
        {t('renoFilterKind')}
        <select
          value={props.params.kind ?? ''}
          onChange={(e) => props.set({ kind: e.currentTarget.value || undefined })}
        >
          <option value="">{t('renoFilterAllKinds')}</option>
          <For each={['wish', 'objection']}>{(k) => <option value={k}>{tKey('wishKind', k)}</option>}</For>
        </select>
      </label>
    </form>
  );
}

/** A project's wishes and objections to triage, open ones first by default. */
export default function StaffWishes() {
  const params = useParams<{ id: string }>();
  const [search, setSearch] = useSearchParams<Filters>();
  const project = createAsync(() => getStaffProject(params.id));
  const outcome = () => (search.outcome === 'all' ? undefined : (search.outcome ?? 'open'));
  const wishes = createAsync(() => getStaffWishes(params.id, { outcome: outcome(), kind: search.kind }));
  return (
    <ErrorBoundary fallback={(err, retry) => <LoadError error={err} retry={retry} />}>
      <Suspense fallback={<Loading />}>
        <Show when={project()?.project}>{(p) => <ProjectHeader id={p().id} title={p().title} />}</Show>
        <h2>{t('renoWishesTitle')}</h2>
        <WishFilters params={search} set={setSearch} />
        <ListOr each={wishes()?.wishes} empty={<p class="state">{t('renoNoWishes')}</p>}>
          {(w) => (
            <li class="card">
              <A class="wish-link" href={`/staff/renovation/${params.id}/wishes/${w.number}`}>
                <span class="ticket-number">{w.number}</span> <span>{w.description}</span>
              </A>
              <p>
                <span class="badge">{tKey('wishKind', w.kind)}</span>{' '}
                <strong>{tKey('outcome', w.answer.outcome)}</strong>
              </p>
              <p class="muted">
                {formatDate(w.createdAt)} · {w.name || t('renoNoName')}
                <Show when={w.item}>{(i) => <> · {i().title}</>}</Show>
                <Show when={w.meToo > 0}> · {t('renoMeToo', { n: w.meToo })}</Show>
              </p>
            </li>
          )}
        </ListOr>
      </Suspense>
    </ErrorBoundary>
  );
}
