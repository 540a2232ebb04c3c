import { For, Show } from 'solid-js';
import type { MessageKey } from '../lib/messages.ts';
import { t } from '../lib/prefs.ts';
import { type Scope, scopes } from '../lib/scope.ts';

const words: Record<Scope, MessageKey> = {
  community: 'scopeCommunity',
  subdistrict: 'scopeSubdistrict',
  district: 'scopeDistrict',
};

/**
 * This community / whole sub-district / whole district: three large buttons, the chosen one
 * pressed (and marked with a tick, not by colour alone). `place`, if given, names what is shown.
 */
export function ScopeChoice(props: { value: Scope; place?: string; onChoose: (scope: Scope) => void }) {
  return (
    <fieldset class="scope">
      <legend>{t('scopeLabel')}</legend>
      <div class="scope-options">
        <For each={scopes}>
          {(scope) => (
            <button
              type="button"
              class="scope-option"
              aria-pressed={props.value === scope}
              onClick={() => props.onChoose(scope)}
            >
              {t(words[scope])}
            </button>
          )}
        </For>
      </div>
      <Show when={props.place}>
        {(place) => (
          <p class="muted" aria-live="polite">
            {t('scopeShowing', { place: place() })}
          </p>
        )}
      </Show>
    </fieldset>
  );
}
