import { createSignal, For, Show } from 'solid-js';
import { Field } from '../../../components/field.tsx';
import { PhotoPicker, type PickedPhoto } from '../../../components/photo-picker.tsx';
import { ZoomPhoto } from '../../../components/zoom-photo.tsx';
import { t, tKey } from '../../../lib/prefs.ts';
import { type NewItemBody, orNull, publicLabel, type StaffItem } from './data.ts';
import { SelectField } from './select-field.tsx';

type Sent = FormData | URLSearchParams;
const statuses = ['proposed', 'agreed', 'in_progress', 'done', 'dropped'] as const;

/** Reads an item's fields; a photo key is sent only when a new photo was picked (else it stays). */
export function readItem(f: Sent): NewItemBody {
  const text = (name: string) => String(f.get(name) ?? '').trim();
  return {
    title: text('title'),
    description: text('description'),
    status: text('status') as NewItemBody['status'],
    reason: orNull(f, 'reason'),
    expectedOn: orNull(f, 'expectedOn'),
    doneOn: orNull(f, 'doneOn'),
    beforePhoto: orNull(f, 'beforePhoto') ?? undefined,
    afterPhoto: orNull(f, 'afterPhoto') ?? undefined,
  };
}

/** One photo of an item: the one it has, and a picker for a new one whose key the form sends. */
function ItemPhoto(props: {
  which: 'beforePhoto' | 'afterPhoto';
  item?: StaffItem;
  picked: PickedPhoto[];
  onPick: (p: PickedPhoto[]) => void;
}) {
  return (
    <>
      <Show when={!props.picked.length && props.item?.[props.which]}>
        {(photo) => (
          <p class="thumbs">
            <ZoomPhoto src={photo().url} alt={`${props.item!.title} · ${t(props.which)}`} width="96" height="96" />
          </p>
        )}
      </Show>
      <PhotoPicker
        name={props.which}
        max={1}
        label={publicLabel(props.which)}
        photos={props.picked}
        onChange={props.onPick}
      />
      <input type="hidden" name={props.which} value={props.picked[0]?.key ?? ''} />
    </>
  );
}

/** The fields of a plan item, for a new one and for editing; ids carry `prefix`, several forms share a page. */
export function ItemFields(props: {
  prefix: string;
  item?: StaffItem;
  photos: { before: PickedPhoto[]; after: PickedPhoto[] };
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
