import { A } from '@solidjs/router';
import type { ParentProps } from 'solid-js';
import { prefs, t } from '../lib/prefs.ts';

/** The page frame: header with display settings, the main navigation, and the content landmark. */
export function Layout(props: ParentProps) {
  return (
    <>
      <a class="skip-link" href="#content">
        {t('skipToContent')}
      </a>
      <header class="app-header">
        <A href="/" class="brand" end>
          <span class="brand-name">{t('appName')}</span>
          <span class="brand-tagline">{t('appTagline')}</span>
        </A>
        {/* biome-ignore lint/a11y/useSemanticElements: a fieldset would draw a box and want a legend; the buttons are a plain group */}
        <div class="settings" role="group" aria-label={t('settingsLabel')}>
          <button
            type="button"
            class="chip"
            lang={prefs.locale() === 'en' ? 'zh-CN' : 'en'}
            aria-label={t('switchLanguageLabel')}
            onClick={() => void prefs.setLocale(prefs.locale() === 'en' ? 'zh-CN' : 'en')}
          >
            {t('switchLanguage')}
          </button>
          <button
            type="button"
            class="chip chip-large-text"
            aria-pressed={prefs.largeText()}
            onClick={() => prefs.setLargeText(!prefs.largeText())}
          >
            <span aria-hidden="true">A+ </span>
            {t('largeText')}
          </button>
          <button
            type="button"
            class="chip"
            aria-pressed={prefs.elders()}
            onClick={() => prefs.setElders(!prefs.elders())}
          >
            {t('eldersMode')}
          </button>
        </div>
      </header>
      <nav class="app-nav" aria-label={t('navLabel')}>
        <A href="/" end activeClass="active">
          {t('navHome')}
        </A>
        <A href="/news" activeClass="active">
          {t('navNews')}
        </A>
        <A href="/events" activeClass="active">
          {t('navEvents')}
        </A>
        <A href="/desk" end activeClass="active">
          {t('navDesk')}
        </A>
      </nav>
      <main id="content" tabindex="-1">
        {props.children}
      </main>
      <footer class="app-footer">
        <A href="/staff">{t('staffSignInLink')}</A>
      </footer>
    </>
  );
}
