import { A, createAsync, useParams } from '@solidjs/router';
import { ErrorBoundary, For, Show, Suspense } from 'solid-js';
import { CopyButton } from '../../components/copy-button.tsx';
import { ShownAsOf } from '../../components/offline-notes.tsx';
import { ReadAloud } from '../../components/read-aloud.tsx';
import { LoadError, Loading } from '../../components/states.tsx';
import { ZoomPhoto } from '../../components/zoom-photo.tsx';
import { formatDate } from '../../lib/format.ts';
import { prefs, t } from '../../lib/prefs.ts';
import { newsPlace } from './news-item.tsx';
import { getArticle } from './queries.ts';

/** One report as the paper would print it; the body is HTML the server rendered and sanitised. */
export default function Article() {
  const params = useParams<{ id: string }>();
  const article = createAsync(() => getArticle(params.id));
  return (
    <ErrorBoundary fallback={(err, retry) => <LoadError error={err} retry={retry} />}>
      <Suspense fallback={<Loading />}>
        <Show when={article()}>
          {(a) => {
            let headline: HTMLHeadingElement | undefined;
            let body: HTMLDivElement | undefined;
            return (
              <article class="article">
                <ShownAsOf data={a()} />
                <Show when={a().kicker}>
                  <p class="kicker">{a().kicker}</p>
                </Show>
                <h1 lang="zh-CN" ref={headline}>
                  {a().headline}
                </h1>
                <p class="muted">
                  {newsPlace(a())} · {t('publishedOn')} {formatDate(a().publishedAt!)}
                </p>
                <ReadAloud parts={() => [headline, body]} />
                <Show when={a().leadPhoto}>
                  {(photo) => (
                    <figure>
                      <ZoomPhoto src={photo().url} alt={photo().caption ?? a().headline} />
                      <Show when={photo().caption}>
                        <figcaption>{photo().caption}</figcaption>
                      </Show>
                    </figure>
                  )}
                </Show>
                <div class="article-body" lang="zh-CN" ref={body} innerHTML={a().bodyHtml} />
                <For each={a().photos}>
                  {(photo) => (
                    <figure>
                      <ZoomPhoto src={photo.url} alt={photo.caption ?? ''} loading="lazy" />
                      <Show when={photo.caption}>
                        <figcaption>{photo.caption}</figcaption>
                      </Show>
                    </figure>
                  )}
                </For>
                <p class="credits">{prefs.locale() === 'en' ? a().creditLine.en : a().creditLine.zh}</p>
                <div class="notice">
                  <p>{t('shareHint')}</p>
                  <CopyButton text={() => location.href} label={t('copyLink')} />
                </div>
                <A href="/news">{t('backToNews')}</A>
              </article>
            );
          }}
        </Show>
      </Suspense>
    </ErrorBoundary>
  );
}
