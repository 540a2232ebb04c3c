import { createEffect, createRoot, createSignal } from 'solid-js';
import { type MessageKey, type ResidentKey, zh } from './messages.ts';
import type { StaffKey } from './messages-staff.ts';
import { persisted } from './storage.ts';

export type Locale = 'zh-CN' | 'en';

/** The English catalogue once loaded: a chunk of its own, so Chinese readers never fetch it. */
const [english, setEnglish] = createSignal<Record<ResidentKey, string> | null>(null);
/** Staff-only words, Chinese and English: chunks of their own, loaded with the staff area. */
const [staffChinese, setStaffChinese] = createSignal<Record<StaffKey, string> | null>(null);
const [staffEnglish, setStaffEnglish] = createSignal<Record<StaffKey, string> | null>(null);
/** Set once a staff page is on its way: from then on, English means staff English too. */
let staffWanted = false;

const loadStaffEnglish = async () => {
  if (!staffEnglish()) setStaffEnglish((await import('./messages-staff-en.ts')).enStaff);
};

/**
 * Loads the English catalogue (once), and staff English too once the staff area is in use;
 * resolves when `t()` can answer in English.
 * @example await loadEnglish(); prefs.setLocale('en')
 */
export async function loadEnglish(): Promise<void> {
  await Promise.all([
    english() ? undefined : import('./messages-en.ts').then((m) => setEnglish(m.en)),
    staffWanted ? loadStaffEnglish() : undefined,
  ]);
}

/**
 * Loads the staff words (once), in Chinese and, for an English reader, in English, side by side.
 * Every staff route waits for it (routes.ts `staffPage`), so no staff page renders before its words.
 * @example lazy(() => Promise.all([import('./pages/staff/layout.tsx'), loadStaffWords()]).then(([m]) => m))
 */
export async function loadStaffWords(): Promise<void> {
  staffWanted = true;
  await Promise.all([
    staffChinese() ? undefined : import('./messages-staff.ts').then((m) => setStaffChinese(m.zhStaff)),
    prefs.locale() === 'en' ? loadStaffEnglish() : undefined,
  ]);
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

type Words = Partial<Record<MessageKey, string>>;

/** The words for a key in Chinese, from whichever half holds it. */
const chinese = (key: MessageKey): string | undefined => (zh as Words)[key] ?? (staffChinese() as Words | null)?.[key];

/**
 * A key built at run time, if the catalogue (either half, once loaded) has words for it.
 * @example messageKey(`ticketErr_${name}`) ?? 'fieldInvalid'
 */
export function messageKey(key: string): MessageKey | undefined {
  return chinese(key as MessageKey) === undefined ? undefined : (key as MessageKey);
}

/**
 * Translates a catalogue key into the current language (reactive), filling `{name}` slots.
 * Until the English catalogue has arrived, English readers see the Chinese words. A staff word
 * before the staff words load (which no page can ask for: see loadStaffWords) is blank, never a key.
 * @example t('consentLabel', { days: 365 })
 */
export function t(key: MessageKey, vars?: Record<string, string | number>): string {
  const inEnglish =
    prefs.locale() === 'en'
      ? ((english() as Words | null)?.[key] ?? (staffEnglish() as Words | null)?.[key])
      : undefined;
  const text = inEnglish ?? chinese(key) ?? '';
  return vars ? text.replace(/\{(\w+)\}/g, (_, name: string) => String(vars[name] ?? '')) : text;
}

/** A key built at run time (a status, an owner, an event kind), falling back to the raw value. */
export function tKey(prefix: string, value: string): string {
  const key = messageKey(`${prefix}_${value}`);
  return key ? t(key) : value;
}

/** The name of a place in the current language. */
export function placeName(p: { name: string; nameEn: string }): string {
  return prefs.locale() === 'en' ? p.nameEn : p.name;
}
