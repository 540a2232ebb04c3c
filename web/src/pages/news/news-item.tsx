import { Show } from 'solid-js';
import { formatDate } from '../../lib/format.ts';
import { placeName, prefs, t } from '../../lib/prefs.ts';
import type { NewsItem } from './queries.ts';

/** Where a news item belongs, in words: a community, a sub-district or the whole district. */
export const newsPlace = (a: Pick<NewsItem, 'community' | 'subdistrict'>) =>
  a.community ? placeName(a.community) : a.subdistrict ? placeName(a.subdistrict) : t('districtWide');

/** One report in a list: kicker, headline, place, date and the paper's credit line. */
export function NewsItemCard(props: { article: NewsItem }) {
  return (
    <li class="card news-item">
      <Show when={props.article.kicker}>
        <p class="kicker">{props.article.kicker}</p>
      </Show>
      <h2>
        {/* A plain link: the router still opens it in place, without a router link's upkeep per item. */}
        <a href={`/news/${props.article.id}`}>{props.article.headline}</a>
      </h2>
      <p class="muted">
        {newsPlace(props.article)} · {formatDate(props.article.publishedAt!)}
      </p>
      <p class="summary">{props.article.summary}</p>
      <p class="credits">{prefs.locale() === 'en' ? props.article.creditLine.en : props.article.creditLine.zh}</p>
    </li>
  );
}
