import { createAsync, query, useSearchParams } from '@solidjs/router';
import { ErrorBoundary, Show, Suspense } from 'solid-js';
import { LoadError, Loading } from '../../../components/states.tsx';
import { api, json } from '../../../lib/api.ts';
import { formatDay } from '../../../lib/format.ts';
import { getPlaces } from '../../../lib/places.ts';
import { placeName, t } from '../../../lib/prefs.ts';
import type { PlaceQuery } from '../../../lib/scope.ts';
import { getMe } from '../../../lib/staff-session.ts';
import { OutreachTable } from './outreach-table.tsx';
import { RatesTrend } from './rates-trend.tsx';
import { BreakdownTable, RateFigures } from './rates-view.tsx';
import { choosablePlaces, periodDays, placeParams, StatsChoice, type StatsParams } from './stats-choice.tsx';
import { CommunityNow } from './weekly-stats.tsx';

type RatesQuery = PlaceQuery & { from: string; to: string };
const getRates = query(async (q: RatesQuery) => json(await api.desk.rates.$get({ query: q })), 'desk-rates');

/**
 * The desk's statistics: the three rates (三率) and the other figures for the district, a
 * sub-district or a community over a period, broken down by place, a six-month trend, CSV and
 * JSON for upward reporting, the outreach on three channels, and for a community its open tickets now.
 */
export default function StatsPage() {
  const [params, setParams] = useSearchParams<StatsParams>();
  const me = createAsync(() => getMe());
  const tree = createAsync(() => getPlaces());
  const places = () => choosablePlaces(tree(), me()?.staff?.place);
  const place = (): PlaceQuery | undefined => {
    if (params.district === '1') return { district: '1' };
    if (params.subdistrict) return { subdistrict: params.subdistrict };
    if (params.community) return { community: params.community };
    return places()[0] && placeParams(places()[0]!.value);
  };
  const ask = (): RatesQuery | undefined => (place() ? { ...place()!, ...periodDays(params) } : undefined);
  const report = createAsync(async () => (ask() ? getRates(ask()!) : undefined));
  const download = (format: 'csv' | 'json') => `/api${api.desk.rates.export.$path({ query: { ...ask()!, format } })}`;
  return (
    <>
      <h1>{t('statsTitle')}</h1>
      <Show when={place()}>
        {(p) => <StatsChoice places={places()} params={params} place={p()} onChange={setParams} />}
      </Show>
      <ErrorBoundary fallback={(err, retry) => <LoadError error={err} retry={retry} />}>
        <Suspense fallback={<Loading />}>
          <Show when={report()}>
            {(r) => (
              <>
                <h2 aria-live="polite">
                  {t('ratesShowing', { place: placeName(r().place), from: formatDay(r().from), to: formatDay(r().to) })}
                </h2>
                <RateFigures rates={r().rates} />
                <p class="muted">{t('ratesExplain')}</p>
                <p class="actions">
                  <a class="button button-secondary" href={download('csv')} download="">
                    {t('ratesExport')}
                  </a>{' '}
                  <a class="button button-secondary" href={download('json')} download="">
                    {t('ratesExportJson')}
                  </a>
                </p>
                <Show when={r().breakdown.length}>
                  <BreakdownTable rows={r().breakdown} />
                </Show>
                <RatesTrend trend={r().trend} />
                <OutreachTable ask={ask()!} />
                <Show when={r().place.kind === 'community'}>
                  <CommunityNow community={r().place.slug} />
                </Show>
              </>
            )}
          </Show>
        </Suspense>
      </ErrorBoundary>
    </>
  );
}
