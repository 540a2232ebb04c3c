import { For, Show } from 'solid-js';
import { Field, FieldError } from '../../components/field.tsx';
import type { Community } from '../../lib/api.ts';
import { placeName, prefs, t } from '../../lib/prefs.ts';
import type { VisitService } from './queries.ts';

/** The services on offer, each with who comes, what to have ready and who may ask, in plain words. */
export function ServiceChoice(props: { services: VisitService[] }) {
  const en = () => prefs.locale() === 'en';
  return (
    <>
      <fieldset class="choices" aria-describedby="field-service-error">
        <legend>{t('hvServiceLabel')}</legend>
        <For each={props.services}>
          {(s) => (
            <label class="choice">
              <input type="radio" name="service" value={s.code} required checked={props.services.length === 1} />
              <span>
                <strong>{placeName(s)}</strong>
                <span class="hint">{t('hvBy', { partner: placeName(s.partner) })}</span>
                <span class="hint">
                  <strong>{t('hvPrepare')}</strong>
                  {en() ? s.prepareEn : s.prepare}
                </span>
                <span class="hint">
                  <strong>{t('hvEligibility')}</strong>
                  {en() ? s.eligibilityEn : s.eligibility}
                </span>
              </span>
            </label>
          )}
        </For>
      </fieldset>
      <FieldError name="service" />
    </>
  );
}

/** Where the visit is: compound, building, unit and door, said to stay private. */
export function AddressFields(props: { compounds: Community['compounds'] }) {
  return (
    <fieldset class="stack" aria-describedby="address-private">
      <legend>{t('hvAddressTitle')}</legend>
      <p class="hint" id="address-private">
        {t('hvAddressPrivate')}
      </p>
      <Show when={props.compounds.length > 0}>
        <label for="field-address_compound">{t('hvCompound')}</label>
        <select id="field-address_compound" name="address_compound">
          <option value="">{t('noCompound')}</option>
          <For each={props.compounds}>{(c) => <option value={c.slug}>{placeName(c)}</option>}</For>
        </select>
        <FieldError name="address_compound" />
      </Show>
      <Field name="address_building" label={t('hvBuilding')} hint={t('hvBuildingHint')} required maxLength={40} />
      <Field name="address_unit" label={t('hvUnit')} maxLength={20} />
      <Field name="address_room" label={t('hvRoom')} required maxLength={20} />
    </fieldset>
  );
}
