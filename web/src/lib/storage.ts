import { createSignal, type Signal } from 'solid-js';

/**
 * A signal remembered on this device (localStorage), so choices survive a reload.
 * Storage may be unavailable (private mode, old WebViews): then the choice lasts the visit.
 * @example const [lang, setLang] = persisted('linli.lang', 'zh-CN')
 */
export function persisted<T>(key: string, initial: T): Signal<T> {
  let start = initial;
  try {
    const raw = localStorage.getItem(key);
    if (raw !== null) start = JSON.parse(raw) as T;
  } catch {
    // Unreadable or unavailable storage: keep the default.
  }
  const [value, setValue] = createSignal<T>(start);
  const set = ((next: T | ((prev: T) => T)) => {
    const result = setValue(next as never);
    try {
      localStorage.setItem(key, JSON.stringify(result));
    } catch {
      // Storage full or blocked: the choice still holds for this visit.
    }
    return result;
  }) as Signal<T>[1];
  return [value, set];
}
