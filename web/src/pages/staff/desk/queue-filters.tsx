import { useSearchParams } from '@solidjs/router';
import { For, Show } from 'solid-js';
import { placeName, t, tKey } from '../../../lib/prefs.ts';
import type { Filters } from './queue-query.ts';
import { views } from './queue-row.ts';

const statuses = ['submitted', 'accepted', 'in_progress', 'resolved', 'closed', 'rejected', 'duplicate'];
type Category = { code: string; name: string; nameEn: string };

/**
 * The queue's filters, kept in the URL. The workbench adds the category (from the categories
 * its rows have shown) and the view (mine, my organisation's, unassigned, overdue).
 */
export function QueueFilters(props: { categories?: Category[] }) {
  const [params, setParams] = useSearchParams<Filters & { t?: string }>();
  return (
    <form class="filters" onSubmit={(e) => e.preventDefault()}>
      <label>
        {t('filterStatus')}
        <select value={params.status ?? 'open'} onChange={(e) => setParams({ status: e.currentTarget.value })}>
          <option value="open">{t('openStatuses')}</option>
          <option value="all">{t('allStatuses')}</option>
          <For each={statuses}>{(s) => <option value={s}>{tKey('status', s)}</option>}</For>
        </select>
      </label>
      <label>
        {t('filterOwner')}
        <select value={params.owner ?? ''} onChange={(e) => setParams({ owner: e.currentTarget.value || undefined })}>
          <option value="">{t('allOwners')}</option>
          <For each={['community', 'property', 'joint']}>{(o) => <option value={o}>{tKey('owner', o)}</option>}</For>
        </select>
      </label>
      <Show when={props.categories}>
        {(categories) => (
          <>
            <label>
              {t('filterCategory')}
              <select
                value={params.category ?? ''}
                onChange={(e) => setParams({ category: e.currentTarget.value || undefined })}
              >
                <option value="">{t('allCategories')}</option>
                <For each={categories()}>{(c) => <option value={c.code}>{placeName(c)}</option>}</For>
              </select>
            </label>
            <label>
              {t('filterView')}
              <select
                value={params.view ?? ''}
                onChange={(e) => setParams({ view: e.currentTarget.value || undefined })}
              >
                <option value="">{t('view_all')}</option>
                <For each={views}>{(v) => <option value={v}>{tKey('view', v)}</option>}</For>
              </select>
            </label>
          </>
        )}
      </Show>
      <label class="check">
        <input
          type="checkbox"
          checked={params.overdue === '1'}
          onChange={(e) => setParams({ overdue: e.currentTarget.checked ? '1' : undefined })}
        />
        {t('filterOverdue')}
      </label>
    </form>
  );
}
