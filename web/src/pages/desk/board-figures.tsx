import { createAsync, query } from '@solidjs/router';
import { ErrorBoundary, For, Show, Suspense } from 'solid-js';
import { LoadError, Loading } from '../../components/states.tsx';
import { api, json } from '../../lib/api.ts';
import { placeName, t } from '../../lib/prefs.ts';
import type { PlaceQuery } from '../../lib/scope.ts';

const getFigures = query(
  async (where: PlaceQuery) =>
    json(
      await api.board.figures.$get({
        query: { community: where.community, subdistrict: where.subdistrict, district: where.district },
      }),
    ),
  'board-figures',
);

/**
 * The last 90 days per community, honestly: fixed, closed but not fixed, overdue and open, and
 * a rank only where there are enough cases for one to mean something.
 */
export function BoardFigures(props: { where: PlaceQuery }) {
  const figures = createAsync(() => getFigures(props.where));
  return (
    <section aria-labelledby="board-figures">
      <h2 id="board-figures">{t('figuresTitle')}</h2>
      <ErrorBoundary fallback={(err, retry) => <LoadError error={err} retry={retry} />}>
        <Suspense fallback={<Loading />}>
          <Show when={figures()}>
            {(f) => (
              <>
                <p class="muted">{t('figuresExplain', { min: f().minCasesToRank })}</p>
                <ul class="plain-list">
                  <For each={f().communities}>
                    {(c) => (
                      <li class="card">
                        <h3>{placeName(c.community)}</h3>
                        <div>
                          <strong>
                            {c.rank === null
                              ? t('figuresTooFew', { min: f().minCasesToRank })
                              : t('figuresRankN', { n: c.rank })}
                          </strong>
                        </div>
                        <dl class="figures">
                          <div>
                            <dt>{t('figuresCases')}</dt>
                            <dd>{c.cases}</dd>
                          </div>
                          <div>
                            <dt>{t('figuresFixed')}</dt>
                            <dd>{c.fixed}</dd>
                          </div>
                          <div>
                            <dt>{t('figuresClosedNotFixed')}</dt>
                            <dd>{c.closedNotFixed}</dd>
                          </div>
                          <div>
                            <dt>{t('figuresOverdue')}</dt>
                            <dd>{c.overdue}</dd>
                          </div>
                        </dl>
                      </li>
                    )}
                  </For>
                </ul>
              </>
            )}
          </Show>
        </Suspense>
      </ErrorBoundary>
    </section>
  );
}
