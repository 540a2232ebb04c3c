import { createAsync, useSearchParams } from '@solidjs/router';
import { createSignal, For, Show, Suspense } from 'solid-js';
import { NeedPlace } from '../../components/need-place.tsx';
import { Loading } from '../../components/states.tsx';
import { t } from '../../lib/prefs.ts';
import { NewsItemCard } from './news-item.tsx';
import { getNews, type NewsItem } from './queries.ts';

const columns = ['学党史办实事', '社区小喇叭'];

/** Pages of news for one filter; "more" follows the cursor. */
function NewsList(props: { community: string; column?: string; q?: string }) {
  const first = createAsync(() => getNews({ community: props.community, column: props.column, q: props.q }));
  const [more, setMore] = createSignal<NewsItem[]>([]);
  const [next, setNext] = createSignal<string | null | undefined>(undefined);
  const cursor = () => (next() === undefined ? first()?.nextBefore : next());
  const loadMore = async () => {
    const page = await getNews({ community: props.community, column: props.column, q: props.q, before: cursor()! });
    setMore([...more(), ...page.articles]);
    setNext(page.nextBefore);
  };
  return (
    <Suspense fallback={<Loading />}>
      <Show when={first()}>
        {(page) => (
          <>
            <ul class="plain-list">
              <For
                each={[...page().articles, ...more()]}
                fallback={<p>{props.q ? t('searchEmpty', { q: props.q }) : t('newsEmpty')}</p>}
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

/** News for the resident's community: columns, search, and the list. Filters live in the URL. */
export default function News() {
  const [params, setParams] = useSearchParams<{ column?: string; q?: string }>();
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
      <nav class="chips" aria-label={t('kickerLabel')}>
        <For each={[undefined, ...columns]}>
          {(column) => (
            <button
              type="button"
              class="chip"
              aria-pressed={params.column === column}
              onClick={() => setParams({ column })}
            >
              {column ?? t('allColumns')}
            </button>
          )}
        </For>
      </nav>
      <NeedPlace>
        {(place) => <NewsList community={place.community.slug} column={params.column} q={params.q} />}
      </NeedPlace>
    </>
  );
}
