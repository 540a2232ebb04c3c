import { A, createAsync, query } from '@solidjs/router';
import { Suspense } from 'solid-js';
import { ListOr, Loading } from '../../../components/states.tsx';
import { api, json } from '../../../lib/api.ts';
import { formatDate } from '../../../lib/format.ts';
import { t, tKey } from '../../../lib/prefs.ts';
import { newsPlace } from '../../news/news-item.tsx';

export const getNewsroom = query(async () => json(await api.newsroom.articles.$get({ query: {} })), 'newsroom');

/** The staff member's reports: drafts first, then published and withdrawn ones. */
export default function NewsroomList() {
  const data = createAsync(() => getNewsroom());
  return (
    <>
      <h1>{t('newsroomTitle')}</h1>
      <A class="button" href="/staff/news/new">
        {t('newArticle')}
      </A>
      <Suspense fallback={<Loading />}>
        <ListOr each={data()?.articles} empty={<p>{t('newsEmpty')}</p>}>
          {(a) => (
            <li class="card">
              <span class="badge">{tKey('article', a.status)}</span>
              <p>
                <A href={`/staff/news/${a.id}`}>{a.headline}</A>
              </p>
              <p class="muted">
                {newsPlace(a)} · {formatDate(a.publishedAt ?? a.updatedAt)}
              </p>
            </li>
          )}
        </ListOr>
      </Suspense>
    </>
  );
}
