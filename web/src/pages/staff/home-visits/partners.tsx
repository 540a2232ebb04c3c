import { A, createAsync } from '@solidjs/router';
import { ErrorBoundary, Show, Suspense } from 'solid-js';
import { ListOr, LoadError, Loading } from '../../../components/states.tsx';
import { placeName, t } from '../../../lib/prefs.ts';
import { getPartnerFigures, type PartnerFigures } from './queries.ts';

const none = () => t('hvNoFigure');

/** One partner's figures over the visits in the staff member's place. */
function PartnerCard(props: { partner: PartnerFigures }) {
  const p = () => props.partner;
  return (
    <li class="card">
      <h2>{placeName(p())}</h2>
      <dl class="facts visit-facts">
        <dt>{t('hvOpenVisits')}</dt>
        <dd>{p().open}</dd>
        <dt>{t('hvVisitedCount')}</dt>
        <dd>{p().visited}</dd>
        <dt>{t('hvMedianDays')}</dt>
        <dd>{p().medianDaysToVisit === null ? none() : t('hvDays', { n: p().medianDaysToVisit! })}</dd>
        <dt>{t('hvCompletion')}</dt>
        <dd>{p().completionRate === null ? none() : `${Math.round(p().completionRate! * 100)}%`}</dd>
        <dt>{t('hvAverageRating')}</dt>
        <dd>
          <Show when={p().averageRating !== null} fallback={none()}>
            ★ {p().averageRating} {t('hvRatings', { n: p().ratings })}
          </Show>
        </dd>
      </dl>
    </li>
  );
}

/** The partner organisations: open visits, median days to the visit, completion rate, rating. */
export default function VisitPartners() {
  const data = createAsync(() => getPartnerFigures());
  return (
    <>
      <h1>{t('hvPartnersTitle')}</h1>
      <A class="button button-secondary" href="/staff/home-visits">
        {t('hvBackToList')}
      </A>
      <ErrorBoundary fallback={(err, retry) => <LoadError error={err} retry={retry} />}>
        <Suspense fallback={<Loading />}>
          <ListOr each={data()?.partners} empty={<p>{t('hvPartnersEmpty')}</p>}>
            {(p) => <PartnerCard partner={p} />}
          </ListOr>
        </Suspense>
      </ErrorBoundary>
    </>
  );
}
