import { A, createAsync, useParams, useSearchParams } from '@solidjs/router';
import { ErrorBoundary, For, Index, Show, Suspense } from 'solid-js';
import { BadLink } from '../../components/bad-link.tsx';
import { CopyButton } from '../../components/copy-button.tsx';
import { LoadError, Loading } from '../../components/states.tsx';
import { StopSms } from '../../components/stop-sms.tsx';
import { ZoomPhoto } from '../../components/zoom-photo.tsx';
import { api, json } from '../../lib/api.ts';
import { formatDateTime } from '../../lib/format.ts';
import { placeName, t, tKey } from '../../lib/prefs.ts';
import { Answer } from './answer.tsx';
import { getWishTracking, type WishTracking } from './queries.ts';

/** What happened to the wish, oldest first: filed, on an agenda, decided, answered. */
export function WishTimeline(props: { entries: WishTracking['timeline'] }) {
  return (
    <ol class="timeline">
      <For each={props.entries}>
        {(e) => (
          <li>
            <p class="timeline-head">
              <strong>{tKey('wishEntry', e.kind)}</strong>
              <Show when={e.outcome}>{(o) => <> · {tKey('outcome', o())}</>}</Show>
            </p>
            <p class="muted">
              <time datetime={new Date(e.at).toISOString()}>{formatDateTime(e.at)}</time> · {tKey('actor', e.actor)}
            </p>
            <Show when={e.body}>
              <p class="timeline-body">{e.body}</p>
            </Show>
          </li>
        )}
      </For>
    </ol>
  );
}

/** The resident's private page for one wish or objection: its public answer and its story. */
export default function WishTrackingPage() {
  const params = useParams<{ number: string }>();
  const [search] = useSearchParams<{ token: string }>();
  const wish = createAsync(() => getWishTracking(params.number, search.token ?? ''));
  return (
    <>
      <h1>{t('wishTitle')}</h1>
      <ErrorBoundary
        fallback={(err, retry) => (
          <LoadError
            error={err}
            retry={retry}
            badLink={() => <BadLink number={params.number} message={t('badWishLink')} kind="wish" />}
          />
        )}
      >
        <Suspense fallback={<Loading />}>
          <Show when={wish()}>
            {(w) => (
              <>
                <section class="card">
                  <p class="ticket-number">
                    {t('wishNumber')} {w().number}
                  </p>
                  <p>
                    <span class="badge">{tKey('wishKind', w().kind)}</span> {w().description}
                  </p>
                  <dl class="facts">
                    <dt>{t('wishProject')}</dt>
                    <dd>
                      <A href={`/renovation/${w().project.id}`}>{w().project.title}</A> ·{' '}
                      {placeName(w().project.compound)}
                    </dd>
                    <dt>{t('wishFiledAt')}</dt>
                    <dd>{formatDateTime(w().createdAt)}</dd>
                    <dt>{t('phoneFull')}</dt>
                    <dd>{w().phone}</dd>
                  </dl>
                  <Show when={w().photoCount > 0}>
                    <div class="thumbs">
                      <Index each={Array.from({ length: w().photoCount })}>
                        {(_, i) => (
                          <ZoomPhoto
                            src={`/api/renovation/wishes/${w().number}/photos/${i}?token=${encodeURIComponent(search.token ?? '')}`}
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
                <section class="card" aria-labelledby="wish-answer">
                  <h2 id="wish-answer">{t('wishAnswer')}</h2>
                  <Answer answer={w().answer} project={w().project.id} />
                </section>
                <StopSms
                  when={w().smsActive}
                  send={async () =>
                    json(
                      await api.messages.stop.wish.$post({ json: { number: w().number, token: search.token ?? '' } }),
                    )
                  }
                />
                <p class="notice">{t('keepLink')}</p>
                <CopyButton text={() => location.href} label={t('copyLink')} />
                <h2>{t('wishTimeline')}</h2>
                <WishTimeline entries={w().timeline} />
              </>
            )}
          </Show>
        </Suspense>
      </ErrorBoundary>
    </>
  );
}
