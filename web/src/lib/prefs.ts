import { createEffect, createRoot, createSignal } from 'solid-js';
import { type MessageKey, zh } from './messages.ts';
import { persisted } from './storage.ts';

export type Locale = 'zh-CN' | 'en';

/** The English catalogue once loaded: a chunk of its own, so Chinese readers never fetch it. */
const [english, setEnglish] = createSignal<Record<MessageKey, string> | null>(null);

/**
 * Loads the English catalogue (once); resolves when `t()` can answer in English.
 * @example await loadEnglish(); prefs.setLocale('en')
 */
export async function loadEnglish(): Promise<void> {
  if (!english()) setEnglish((await import('./messages-en.ts')).en);
}

/**
 * Device-wide preferences: language, large text, elders' mode and the resident's place.
 * Elders' mode (长辈版) includes large text and more (see styles.css); its class is set here,
 * when this module first runs, before the app renders anything, so the first paint is already
 * in its sizes.
 */
export const prefs = createRoot(() => {
  const [locale, setStoredLocale] = persisted<Locale>('linli.locale', 'zh-CN');
  const [largeText, setLargeText] = persisted('linli.largeText', false);
  const [elders, setElders] = persisted('linli.elders', false);
  const [place, setPlace] = persisted<{ subdistrict: string; community: string } | null>('linli.place', null);
  // English switches only once its words are here, so the page never shows keys or half of each.
  const setLocale = async (next: Locale) => {
    if (next === 'en') await loadEnglish();
    setStoredLocale(next);
  };

  createEffect(() => {
    document.documentElement.lang = locale();
    document.documentElement.classList.toggle('large-text', largeText());
    document.documentElement.classList.toggle('elders', elders());
  });
  return { locale, setLocale, largeText, setLargeText, elders, setElders, place, setPlace };
});

/**
 * Translates a catalogue key into the current language (reactive), filling `{name}` slots.
 * Until the English catalogue has arrived, English readers see the Chinese words.
 * @example t('consentLabel', { days: 365 })
 */
export function t(key: MessageKey, vars?: Record<string, string | number>): string {
  const text = (prefs.locale() === 'en' ? (english() ?? zh) : zh)[key];
  return vars ? text.replace(/\{(\w+)\}/g, (_, name: string) => String(vars[name] ?? '')) : text;
}

/** A key built at run time (a status, an owner, an event kind), falling back to the raw value. */
export function tKey(prefix: string, value: string): string {
  const key = `${prefix}_${value}` as MessageKey;
  return key in zh ? t(key) : value;
}

/** The name of a place in the current language. */
export function placeName(p: { name: string; nameEn: string }): string {
  return prefs.locale() === 'en' ? p.nameEn : p.name;
}
