import { A } from '@solidjs/router';
import { t } from '../lib/prefs.ts';

export default function NotFound() {
  return (
    <>
      <h1>{t('notFoundTitle')}</h1>
      <p>{t('notFoundBody')}</p>
      <A class="button" href="/">
        {t('backHome')}
      </A>
    </>
  );
}
