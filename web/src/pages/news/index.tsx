import { createAsync, useSearchParams } from '@solidjs/router';
import { createComputed, createSignal, For, on, Show, Suspense } from 'solid-js';
import { ShownAsOf } from '../../components/offline-notes.tsx';
import { ScopedPlace } from '../../components/scoped-place.tsx';
import { Loading } from '../../components/states.tsx';
import { t } from '../../lib/prefs.ts';
import type { PlaceQuery } from '../../lib/scope.ts';
import { NewsItemCard } from './news-item.tsx';
import { getNews, type NewsFilter, type NewsItem } from './queries.ts';

const columns = ['学党史办实事', '社区小喇叭'];

/** Pages of news for one filter; "more" follows the cursor, and starts again when the filter changes. */
function NewsList(props: { filter: NewsFilter }) {
  const first = createAsync(() => getNews(props.filter));
  const [more, setMore] = createSignal<NewsItem[]>([]);
  const [next, setNext] = createSignal<string | null | undefined>(undefined);
  createComputed(
    on(
      () => JSON.stringify(props.filter),
      () => {
        setMore([]);
        setNext(undefined);
      },
      { defer: true },
    ),
  );
  const cursor = () => (next() === undefined ? first()?.nextBefore : next());
  const loadMore = async () => {
    const page = await getNews({ ...props.filter, before: cursor()! });
    setMore([...more(), ...page.articles]);
    setNext(page.nextBefore);
  };
  return (
    <Suspense fallback={<Loading />}>
      <Show when={first()}>
        {(page) => (
          <>
            <ShownAsOf data={page()} />
            <ul class="plain-list">
              <For
                each={[...page().articles, ...more()]}
                fallback={<p>{props.filter.q ? t('searchEmpty', { q: props.filter.q }) : t('newsEmpty')}</p>}
              >
                {(article) => <NewsItemCard article={article} />}
              </For>
            </ul>
            <Show when={cursor()}>
              <button type="button" class="button button-secondary" onClick={loadMore}>
                {t('moreNews')}
              </button>
            </Show>
          </>
        )}
      </Show>
    </Suspense>
  );
}

/** The columns as chips; the choice lives in the address. */
function Columns(props: { value?: string; onChoose: (column: string | undefined) => void }) {
  return (
    <nav class="chips" aria-label={t('columnsLabel')}>
      <For each={[undefined, ...columns]}>
        {(column) => (
          <button
            type="button"
            class="chip"
            aria-pressed={props.value === column}
            onClick={() => props.onChoose(column)}
          >
            {column ?? t('allColumns')}
          </button>
        )}
      </For>
    </nav>
  );
}

/**
 * News for the resident's community, its whole sub-district or the whole district: search,
 * scope, columns and the list. Filters live in the address; the scope is also remembered.
 */
export default function News() {
  const [params, setParams] = useSearchParams<{ column?: string; q?: string }>();
  const filter = (where: PlaceQuery): NewsFilter => ({ ...where, column: params.column, q: params.q });
  return (
    <>
      <h1>{t('newsTitle')}</h1>
      <p class="lead">{t('newsIntro')}</p>
      {/* biome-ignore lint/a11y/useSemanticElements: the <search> element is too new for the WebViews residents use */}
      <form
        class="search"
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          setParams({ q: String(new FormData(e.currentTarget).get('q') ?? '').trim() || undefined });
        }}
      >
        <label for="news-q" class="visually-hidden">
          {t('searchLabel')}
        </label>
        <input id="news-q" name="q" type="search" value={params.q ?? ''} placeholder={t('searchPlaceholder')} />
        <button class="button" type="submit">
          {t('searchButton')}
        </button>
      </form>
      <ScopedPlace page="news">
        {(where) => (
          <>
            <Columns value={params.column} onChoose={(column) => setParams({ column })} />
            <NewsList filter={filter(where())} />
          </>
        )}
      </ScopedPlace>
    </>
  );
}
