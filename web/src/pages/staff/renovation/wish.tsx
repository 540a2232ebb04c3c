import { A, createAsync, useParams } from '@solidjs/router';
import { ErrorBoundary, Index, Show, Suspense } from 'solid-js';
import { LoadError, Loading } from '../../../components/states.tsx';
import { ZoomPhoto } from '../../../components/zoom-photo.tsx';
import { formatDateTime } from '../../../lib/format.ts';
import { t, tKey } from '../../../lib/prefs.ts';
import { Answer } from '../../renovation/answer.tsx';
import { WishTimeline } from '../../renovation/tracking.tsx';
import { AnswerForm } from './answer-form.tsx';
import { getStaffProject, getStaffWish, type StaffWish } from './data.ts';
import './renovation.css';

/** Everything about a wish, its resident's name and phone too (staff only). */
function WishDetails(props: { wish: StaffWish }) {
  const w = () => props.wish;
  return (
    <section class="card">
      <p class="ticket-number">
        {t('wishNumber')} {w().number}
      </p>
      <p>
        <span class="badge">{tKey('wishKind', w().kind)}</span> {w().description}
      </p>
      <dl class="facts">
        <dt>{t('renoWishAbout')}</dt>
        <dd>{w().item?.title ?? t('wishItemNone')}</dd>
        <dt>{t('renoWishLocation')}</dt>
        <dd>{w().location || '—'}</dd>
        <dt>{t('renoWishName')}</dt>
        <dd>{w().name || t('renoNoName')}</dd>
        <dt>{t('phoneFull')}</dt>
        <dd>
          <a href={`tel:${w().phone}`}>{w().phone}</a>
        </dd>
        <dt>{t('wishFiledAt')}</dt>
        <dd>
          {formatDateTime(w().createdAt)} · {tKey('renoChannel', w().channel)}
        </dd>
        <dt>{t('renoWishPublic')}</dt>
        <dd>
          {w().listed ? t('renoListedYes') : t('renoListedNo')}
          <Show when={w().meToo > 0}> · {t('renoMeToo', { n: w().meToo })}</Show>
        </dd>
      </dl>
      <Show when={w().photoCount > 0}>
        <div class="thumbs">
          <Index each={Array.from({ length: w().photoCount })}>
            {(_, i) => (
              <ZoomPhoto
                src={`/api/renovation/wishes/${w().number}/photos/${i}`}
                alt={t('photoAlt')}
                width="96"
                height="96"
                loading="lazy"
              />
            )}
          </Index>
        </div>
      </Show>
    </section>
  );
}

/** One wish or objection for staff: its details, its public answer, the answer form and its story. */
export default function StaffWishPage() {
  const params = useParams<{ id: string; number: string }>();
  const wish = createAsync(() => getStaffWish(params.number));
  const project = createAsync(() => getStaffProject(params.id));
  return (
    <ErrorBoundary fallback={(err, retry) => <LoadError error={err} retry={retry} />}>
      <p class="back-link">
        <A href={`/staff/renovation/${params.id}/wishes`}>{t('renoBackToWishes')}</A>
      </p>
      <h1>{t('renoWishTitle')}</h1>
      <Suspense fallback={<Loading />}>
        <Show when={wish()?.wish && project()?.project}>
          <WishDetails wish={wish()!.wish} />
          <section class="card" aria-labelledby="wish-answer">
            <h2 id="wish-answer">{t('wishAnswer')}</h2>
            <Answer answer={wish()!.wish.answer} project={Number(params.id)} />
          </section>
          <AnswerForm wish={wish()!.wish} project={project()!.project} />
          <h2>{t('wishTimeline')}</h2>
          <WishTimeline entries={wish()!.wish.timeline ?? []} />
        </Show>
      </Suspense>
    </ErrorBoundary>
  );
}
