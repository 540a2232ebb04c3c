import { createAsync, query } from '@solidjs/router';
import { ErrorBoundary, For, Show, Suspense } from 'solid-js';
import { LoadError, Loading } from '../../../components/states.tsx';
import { api, json } from '../../../lib/api.ts';
import { shanghaiDay } from '../../../lib/dates.ts';
import { formatDate } from '../../../lib/format.ts';
import { placeName, t } from '../../../lib/prefs.ts';

const getStats = query(
  async (community: string) => json(await api.desk.stats.$get({ query: { community } })),
  'desk-stats',
);
type Stats = Awaited<ReturnType<typeof getStats>>;

/** Reported and resolved per week as paired bars, with the numbers written on them (not colour alone). */
function WeeklyChart(props: { weeks: Stats['weeks'] }) {
  const max = () => Math.max(1, ...props.weeks.flatMap((w) => [w.opened, w.resolved]));
  const barHeight = (n: number) => (n / max()) * 100;
  return (
    <figure class="chart">
      <figcaption>{t('weeklyChart')}</figcaption>
      <svg
        viewBox="0 0 320 150"
        role="img"
        aria-label={props.weeks
          .map((w) => `${formatDate(w.from)}: ${t('opened')} ${w.opened}, ${t('resolvedLabel')} ${w.resolved}`)
          .join('; ')}
      >
        <For each={props.weeks}>
          {(w, i) => (
            <g transform={`translate(${i() * 40 + 4}, 0)`}>
              <rect x="0" y={120 - barHeight(w.opened)} width="15" height={barHeight(w.opened)} class="bar-opened" />
              <rect
                x="17"
                y={120 - barHeight(w.resolved)}
                width="15"
                height={barHeight(w.resolved)}
                class="bar-resolved"
              />
              <text x="7" y={116 - barHeight(w.opened)} text-anchor="middle">
                {w.opened}
              </text>
              <text x="25" y={116 - barHeight(w.resolved)} text-anchor="middle">
                {w.resolved}
              </text>
              {/* Every other week is named, large enough to read (the chart's label says every week). */}
              <Show when={i() % 2 === 0}>
                <text x="16" y="140" text-anchor="middle" class="axis">
                  {shanghaiDay(w.from).slice(5).replace(/^0/, '').replace('-0', '/').replace('-', '/')}
                </text>
              </Show>
            </g>
          )}
        </For>
      </svg>
      <p class="legend">
        <span class="key key-opened" /> {t('opened')} <span class="key key-resolved" /> {t('resolvedLabel')}
      </p>
    </figure>
  );
}

/** A community's desk now: open, overdue, time to resolve, rating, the last 8 weeks and open by category. */
export function CommunityNow(props: { community: string }) {
  const stats = createAsync(() => getStats(props.community));
  return (
    <section>
      <h2>{t('ratesCommunityDetail')}</h2>
      <ErrorBoundary fallback={(err, retry) => <LoadError error={err} retry={retry} />}>
        <Suspense fallback={<Loading />}>
          <Show when={stats()}>
            {(s) => (
              <>
                <dl class="figures">
                  <div>
                    <dt>{t('statOpen')}</dt>
                    <dd>{s().open}</dd>
                  </div>
                  <div>
                    <dt>{t('statOverdue')}</dt>
                    <dd>{s().overdue}</dd>
                  </div>
                  <div>
                    <dt>{t('statMedian')}</dt>
                    <dd>
                      {s().medianHoursToResolve === null
                        ? t('noData')
                        : `${Math.round(s().medianHoursToResolve!)} ${t('hoursShort')}`}
                    </dd>
                  </div>
                  <div>
                    <dt>{t('statRating')}</dt>
                    <dd>
                      {s().averageRating === null
                        ? t('noData')
                        : `★ ${s().averageRating!.toFixed(1)} (${s().ratingCount})`}
                    </dd>
                  </div>
                </dl>
                <WeeklyChart weeks={s().weeks} />
                <h3>{t('openByCategory')}</h3>
                <ul>
                  <For each={s().openByCategory} fallback={<li>{t('noData')}</li>}>
                    {(c) => (
                      <li>
                        {placeName(c)}: {c.open}
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
