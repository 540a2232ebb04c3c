import { createSignal, For } from 'solid-js';
import { Field } from '../../../components/field.tsx';
import { PhotoPicker, type PickedPhoto } from '../../../components/photo-picker.tsx';
import { t, tKey } from '../../../lib/prefs.ts';
import { type NewItemBody, orNull, publicLabel, type StaffItem } from './data.ts';
import { SelectField } from './select-field.tsx';

type Sent = FormData | URLSearchParams;
const statuses = ['proposed', 'agreed', 'in_progress', 'done', 'dropped'] as const;

/** Reads an item's fields; a photo is sent only when it was changed (else it stays). */
export function readItem(f: Sent): NewItemBody {
  const text = (name: string) => String(f.get(name) ?? '').trim();
  return {
    title: text('title'),
    description: text('description'),
    status: text('status') as NewItemBody['status'],
    reason: orNull(f, 'reason'),
    expectedOn: orNull(f, 'expectedOn'),
    doneOn: orNull(f, 'doneOn'),
    beforePhoto: photoField(f, 'beforePhoto'),
    afterPhoto: photoField(f, 'afterPhoto'),
  };
}

/** What a photo field sends when the photo it had was taken away. */
const REMOVED = 'removed';
/** The key a photo field sends: a new photo's, null when removed, nothing when it stays as it was. */
const photoField = (f: Sent, name: string) => {
  const value = orNull(f, name);
  return value === REMOVED ? null : (value ?? undefined);
};

/**
 * One photo of an item, in its own picker: the photo it has (until removed or replaced), or the
 * one just picked, whose key the form sends. `picked` is null while nothing was changed.
 */
function ItemPhoto(props: {
  which: 'beforePhoto' | 'afterPhoto';
  item?: StaffItem;
  picked: PickedPhoto[] | null;
  onPick: (p: PickedPhoto[]) => void;
}) {
  const current = () => props.item?.[props.which];
  const shown = () => props.picked ?? (current() ? [{ key: '', preview: current()!.url }] : []);
  const sent = () => (props.picked === null ? '' : (props.picked[0]?.key ?? (current() ? REMOVED : '')));
  return (
    <>
      <PhotoPicker
        name={props.which}
        max={1}
        label={publicLabel(props.which)}
        photos={shown()}
        onChange={props.onPick}
      />
      <input type="hidden" name={props.which} value={sent()} />
    </>
  );
}

/** The fields of a plan item, for a new one and for editing; ids carry `prefix`, several forms share a page. */
export function ItemFields(props: {
  prefix: string;
  item?: StaffItem;
  photos: { before: PickedPhoto[] | null; after: PickedPhoto[] | null };
  onPhotos: (which: 'before' | 'after', p: PickedPhoto[]) => void;
}) {
  const i = () => props.item;
  const [status, setStatus] = createSignal<string>(i()?.status ?? 'proposed');
  const id = (name: string) => `${props.prefix}-${name}`;
  return (
    <>
      <Field
        id={id('title')}
        name="title"
        label={publicLabel('renoItemTitle')}
        value={i()?.title ?? ''}
        required
        minLength={2}
        maxLength={100}
      />
      <Field
        id={id('description')}
        name="description"
        label={publicLabel('renoItemDescription')}
        value={i()?.description ?? ''}
        multiline
        rows="3"
        maxLength={2000}
      />
      <SelectField
        id={id('status')}
        name="status"
        label={publicLabel('renoItemStatus')}
        value={status()}
        onChange={(e) => setStatus(e.currentTarget.value)}
      >
        <For each={statuses}>{(s) => <option value={s}>{tKey('itemStatus', s)}</option>}</For>
      </SelectField>
      <Field
        id={id('reason')}
        name="reason"
        label={publicLabel('renoItemReason')}
        hint={t('renoItemReasonHint')}
        value={i()?.statusReason ?? ''}
        multiline
        rows="2"
        maxLength={1000}
        required={status() === 'dropped'}
      />
      <Field
        id={id('expectedOn')}
        name="expectedOn"
        label={publicLabel('renoItemExpectedOn')}
        type="date"
        value={i()?.expectedOn ?? ''}
      />
      <Field
        id={id('doneOn')}
        name="doneOn"
        label={publicLabel('renoItemDoneOn')}
        type="date"
        value={i()?.doneOn ?? ''}
      />
      <ItemPhoto
        which="beforePhoto"
        item={i()}
        picked={props.photos.before}
        onPick={(p) => props.onPhotos('before', p)}
      />
      <ItemPhoto which="afterPhoto" item={i()} picked={props.photos.after} onPick={(p) => props.onPhotos('after', p)} />
    </>
  );
}
