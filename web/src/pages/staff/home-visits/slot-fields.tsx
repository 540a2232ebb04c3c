import { Field } from '../../../components/field.tsx';
import { t } from '../../../lib/prefs.ts';
import { type Sent, text } from './action-form.tsx';

/**
 * A visit's time as people give it: a day and two times, in Zhengzhou. The server's errors for
 * `slot.start` and `slot.end` come back to the start and end times.
 */
export function SlotFields(props: { action: string; optional?: boolean }) {
  const id = (name: string) => `act-${props.action}-${name}`;
  return (
    <fieldset class="stack">
      <legend>{props.optional ? t('hvSlotOptional') : t('hvSlotLegend')}</legend>
      <Field name="slot_date" id={id('slot_date')} label={t('hvSlotDate')} type="date" required={!props.optional} />
      <Field name="slot_start" id={id('slot_start')} label={t('hvSlotStart')} type="time" value="09:00" required />
      <Field name="slot_end" id={id('slot_end')} label={t('hvSlotEnd')} type="time" value="10:00" required />
    </fieldset>
  );
}

/** The slot the form's fields give, with Zhengzhou's offset, or undefined when no day was chosen. */
export function slotOf(form: Sent): { start: string; end: string } | undefined {
  const day = text(form, 'slot_date');
  if (!day) return undefined;
  return { start: `${day}T${text(form, 'slot_start')}:00+08:00`, end: `${day}T${text(form, 'slot_end')}:00+08:00` };
}
