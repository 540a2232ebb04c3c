import { createEffect, createRoot } from 'solid-js';
import { en, zh, type MessageKey } from './messages.ts';
import { persisted } from './storage.ts';

export type Locale = 'zh-CN' | 'en';

/** Device-wide preferences: language, large text and the resident's place. */
export const prefs = createRoot(() => {
  const [locale, setLocale] = persisted<Locale>('linli.locale', 'zh-CN');
  const [largeText, setLargeText] = persisted('linli.largeText', false);
  const [place, setPlace] = persisted<{ subdistrict: string; community: string } | null>('linli.place', null);

  createEffect(() => {
    document.documentElement.lang = locale();
    document.documentElement.classList.toggle('large-text', largeText());
  });
  return { locale, setLocale, largeText, setLargeText, place, setPlace };
});

/**
 * Translates a catalogue key into the current language (reactive), filling `{name}` slots.
 * @example t('consentLabel', { days: 365 })
 */
export function t(key: MessageKey, vars?: Record<string, string | number>): string {
  const text = (prefs.locale() === 'en' ? en : zh)[key];
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
