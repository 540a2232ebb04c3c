import { A, createAsync, useLocation, useNavigate } from '@solidjs/router';
import { createEffect, onCleanup, type ParentProps, Show, Suspense } from 'solid-js';
import { Loading } from '../../components/states.tsx';
import { sessionListeners } from '../../lib/api.ts';
import type { MessageKey } from '../../lib/messages.ts';
import { placeName, t } from '../../lib/prefs.ts';
import { getMe, signOut } from '../../lib/staff-session.ts';

export const roleKey = (role: string) => `role${role[0]!.toUpperCase()}${role.slice(1)}` as MessageKey;

/** The staff area: only for signed-in staff; anyone else goes to sign-in, told why. */
export default function StaffLayout(props: ParentProps) {
  const me = createAsync(() => getMe());
  const navigate = useNavigate();
  const location = useLocation();
  const toSignIn = (reason?: string) =>
    navigate(`/staff/sign-in?${new URLSearchParams({ ...(reason ? { reason } : {}), next: location.pathname })}`, {
      replace: true,
    });

  createEffect(() => {
    const current = me();
    if (current && !current.staff) toSignIn(current.expired ? 'expired' : undefined);
  });
  const onSessionLost = (code: string) => toSignIn(code === 'session_expired' ? 'expired' : undefined);
  sessionListeners.add(onSessionLost);
  onCleanup(() => sessionListeners.delete(onSessionLost));

  const leave = async () => {
    await signOut();
    navigate('/staff/sign-in?reason=signed-out', { replace: true });
  };

  return (
    <Suspense fallback={<Loading />}>
      <Show when={me()?.staff && me()?.abilities ? { staff: me()!.staff!, may: me()!.abilities! } : undefined}>
        {(signedIn) => {
          const staff = () => signedIn().staff;
          const may = () => signedIn().may;
          return (
            <div class="staff-area">
              <div class="staff-bar">
                <p>
                  {t('hello')}
                  <strong>{staff().displayName}</strong>
                  <span class="muted">
                    {' · '}
                    {t(roleKey(staff().role))} · {staff().place ? placeName(staff().place!) : t('wholeDistrict')}
                  </span>
                </p>
                <button type="button" class="button button-secondary" onClick={leave}>
                  {t('signOut')}
                </button>
              </div>
              <nav class="tabs" aria-label={t('staffAreaLabel')}>
                <A href="/staff" end activeClass="active">
                  {t('staffHome')}
                </A>
                <Show when={may()['news.draft']}>
                  <A href="/staff/news" activeClass="active">
                    {t('staffNews')}
                  </A>
                </Show>
                <Show when={may()['event.manage']}>
                  <A href="/staff/events" activeClass="active">
                    {t('staffEvents')}
                  </A>
                </Show>
                <Show when={may()['ticket.read']}>
                  <A href="/staff/desk" activeClass="active">
                    {t('staffQueue')}
                  </A>
                  <A href="/staff/follow-ups" activeClass="active">
                    {t('followUpsTitle')}
                  </A>
                  <A href="/staff/supervision" activeClass="active">
                    {t('staffSupervision')}
                  </A>
                </Show>
                <Show when={may()['visit.read']}>
                  <A href="/staff/home-visits" activeClass="active">
                    {t('staffVisits')}
                  </A>
                </Show>
                <Show when={may()['stats.read']}>
                  <A href="/staff/stats" activeClass="active">
                    {t('staffStats')}
                  </A>
                </Show>
                <Show when={may()['renovation.read']}>
                  <A href="/staff/renovation" activeClass="active">
                    {t('staffRenovation')}
                  </A>
                </Show>
                <Show when={may()['staff.manage']}>
                  <A href="/staff/accounts" activeClass="active">
                    {t('staffAccounts')}
                  </A>
                </Show>
                <Show when={may()['category.manage']}>
                  <A href="/staff/desk/categories" activeClass="active">
                    {t('staffCategories')}
                  </A>
                </Show>
                <Show when={may()['calendar.manage']}>
                  <A href="/staff/calendar" activeClass="active">
                    {t('staffCalendar')}
                  </A>
                </Show>
                <Show when={may()['robots.manage']}>
                  <A href="/staff/robots" activeClass="active">
                    {t('staffRobots')}
                  </A>
                </Show>
                <Show when={may()['open311.manage']}>
                  <A href="/staff/open311" activeClass="active">
                    {t('staffOpen311')}
                  </A>
                </Show>
                <Show when={may()['messages.view']}>
                  <A href="/staff/messages" activeClass="active">
                    {t('staffMessages')}
                  </A>
                </Show>
                {/* Volunteers (四大员), neighbourly help (邻里帮扶), and a volunteer's own page */}
                <Show when={may()['renovation.volunteers']}>
                  <A href="/staff/volunteers" activeClass="active">
                    {t('staffVolunteers')}
                  </A>
                </Show>
                <Show when={may()['help.read']}>
                  <A href="/staff/help" activeClass="active">
                    {t('staffHelp')}
                  </A>
                </Show>
                <Show when={may()['volunteer.record_wish']}>
                  <A href="/staff/volunteer" activeClass="active">
                    {t('volunteerHome')}
                  </A>
                </Show>
              </nav>
              {props.children}
            </div>
          );
        }}
      </Show>
    </Suspense>
  );
}
