import { A, createAsync } from '@solidjs/router';
import { Show, Suspense } from 'solid-js';
import { placeName, t } from '../../lib/prefs.ts';
import { getMe } from '../../lib/staff-session.ts';
import { ChangePassword } from './change-password.tsx';
import { roleKey } from './layout.tsx';

/** The staff desk: who is signed in, and the staff pages the server says they may open. */
export default function StaffHome() {
  const me = createAsync(() => getMe());
  return (
    <Suspense>
      <Show when={me()?.staff}>
        {(staff) => (
          <>
            <h1>{t('staffHome')}</h1>
            <section class="card">
              <h2>{t('yourAccount')}</h2>
              <dl class="facts">
                <dt>{t('loginLabel')}</dt>
                <dd>{staff().login}</dd>
                <dt>{t('roleLabel')}</dt>
                <dd>{t(roleKey(staff().role))}</dd>
                <dt>{t('placeLabel')}</dt>
                <dd>{staff().place ? placeName(staff().place!) : t('wholeDistrict')}</dd>
              </dl>
            </section>
            <Show when={me()?.abilities?.['volunteer.record_wish']}>
              <A class="button" href="/staff/volunteer">
                {t('volunteerHome')}
              </A>
            </Show>
            <ChangePassword />
            <Show when={me()?.abilities?.['staff.manage']}>
              <A class="button" href="/staff/accounts">
                {t('staffAccounts')}
              </A>
            </Show>
          </>
        )}
      </Show>
    </Suspense>
  );
}
