import { A, action, createAsync, revalidate, useParams, useSearchParams, useSubmission } from '@solidjs/router';
import { createSignal, ErrorBoundary, Show, Suspense } from 'solid-js';
import { CopyButton } from '../../components/copy-button.tsx';
import { ShownAsOf } from '../../components/offline-notes.tsx';
import { LoadError, Loading } from '../../components/states.tsx';
import { StopSms } from '../../components/stop-sms.tsx';
import { ApiFailure, api, json } from '../../lib/api.ts';
import { formatTimeRange } from '../../lib/event-time.ts';
import { getSignup, mySignups, type SignupPage } from '../../lib/events.ts';
import { formState, useQuietAction } from '../../lib/form-action.ts';
import { t } from '../../lib/prefs.ts';
import { CalendarLink, VenueLine } from './event-bits.tsx';

/** Where the resident stands, in words and a symbol: seat kept, waiting (and how many ahead), cancelled. */
function SignupStatus(props: { signup: SignupPage['signup'] }) {
  const s = () => props.signup;
  return (
    <p class={`signup-status signup-${s().status}`}>
      <Show when={s().status === 'confirmed'}>✔ {t('signupConfirmed', { n: s().seats })}</Show>
      <Show when={s().status === 'waitlisted'}>{t('signupWaitlisted', { position: s().waitlistPosition ?? 1 })}</Show>
      <Show when={s().status === 'cancelled'}>
        ✖ {s().cancelledBy === 'staff' ? t('signupCancelledByStaff') : t('signupCancelled')}
      </Show>
    </p>
  );
}

/** Cancelling takes two taps, so a shaky thumb does not give a stool away. */
const cancelSignup = action(async (id: string, token: string) => {
  try {
    await json(await api.events.signups[':id'].cancel.$post({ param: { id }, json: { token } }));
  } catch (err) {
    // Cancelled meanwhile (by staff, or the event itself): show the page as it is now.
    if (err instanceof ApiFailure) await revalidate(getSignup.key);
    throw err;
  }
  mySignups.forget(Number(id));
  return true;
}, 'signup-cancel');

function CancelSignup(props: { id: string; token: string }) {
  const [asking, setAsking] = createSignal(false);
  const state = formState(useSubmission(cancelSignup, ([id]) => id === props.id));
  const cancel = useQuietAction(cancelSignup);
  const message = () => (state.message() ? t(state.code() === 'network' ? 'loadFailed' : 'cancelFailed') : '');
  return (
    <section class="card">
      <Show
        when={asking()}
        fallback={
          <button type="button" class="button button-secondary" onClick={() => setAsking(true)}>
            {t('cancelSignup')}
          </button>
        }
      >
        <p>{t('cancelSignupConfirm')}</p>
        <div class="actions">
          <button type="button" class="button" disabled={state.busy()} onClick={() => cancel(props.id, props.token)}>
            {t('cancelSignupYes')}
          </button>
          <button type="button" class="button button-secondary" onClick={() => setAsking(false)}>
            {t('cancelSignupNo')}
          </button>
        </div>
      </Show>
      <p role="alert">{message()}</p>
    </section>
  );
}

/** The resident's private sign-up page, reached by the link with its token. */
export default function SignupPagePage() {
  const params = useParams<{ id: string }>();
  const [search] = useSearchParams<{ token: string }>();
  const data = createAsync(() => getSignup(params.id, search.token ?? ''));
  return (
    <>
      <h1>{t('mySignupTitle')}</h1>
      <ErrorBoundary
        fallback={(err, retry) => <LoadError error={err} retry={retry} badLink={() => <p>{t('badSignupLink')}</p>} />}
      >
        <Suspense fallback={<Loading />}>
          <Show when={data()}>
            {(d) => (
              <>
                <ShownAsOf data={d()} />
                <Show when={d().event.status === 'cancelled'}>
                  <p class="notice" role="status">
                    <strong>{t('eventCancelledNotice')}</strong> {d().event.cancelReason}
                  </p>
                </Show>
                <section class="card">
                  <SignupStatus signup={d().signup} />
                  <Show when={d().signup.promotedAt && d().signup.status === 'confirmed'}>
                    <p>{t('signupPromoted')}</p>
                  </Show>
                  <h2>
                    <A href={`/events/${d().event.id}`}>{d().event.title}</A>
                  </h2>
                  <dl class="facts">
                    <dt>{t('eventWhen')}</dt>
                    <dd>{formatTimeRange(d().event.startsAt, d().event.endsAt)}</dd>
                    <dt>{t('eventWhere')}</dt>
                    <dd>
                      <VenueLine event={d().event} />
                    </dd>
                    <dt>{t('signupNameShort')}</dt>
                    <dd>{d().signup.name}</dd>
                    <dt>{t('phoneFull')}</dt>
                    <dd>{d().signup.phone}</dd>
                  </dl>
                  <Show when={d().signup.status !== 'cancelled' && d().event.status === 'scheduled'}>
                    <div class="actions">
                      <CalendarLink eventId={d().event.id} />
                    </div>
                  </Show>
                </section>
                <p class="notice">{t('keepSignupLink')}</p>
                <div class="actions">
                  <CopyButton text={() => location.href} label={t('copyLink')} />
                </div>
                <StopSms
                  when={d().signup.smsActive}
                  send={async () =>
                    json(
                      await api.messages.stop.signup.$post({
                        json: { id: Number(params.id), token: search.token ?? '' },
                      }),
                    )
                  }
                />
                <Show when={d().canCancel}>
                  <CancelSignup id={params.id} token={search.token ?? ''} />
                </Show>
              </>
            )}
          </Show>
        </Suspense>
      </ErrorBoundary>
    </>
  );
}
