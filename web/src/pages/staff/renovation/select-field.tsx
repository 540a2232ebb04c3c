import { type JSX, splitProps } from 'solid-js';
import { FieldError } from '../../../components/field.tsx';
import { useFormErrors } from '../../../components/form.tsx';

/** A labelled select with its error beside it (the form's, see form.tsx), tied together for screen readers. */
export function SelectField(
  props: { name: string; id?: string; label: string } & JSX.SelectHTMLAttributes<HTMLSelectElement>,
) {
  const [own, rest] = splitProps(props, ['name', 'id', 'label', 'children']);
  const form = useFormErrors();
  const id = () => own.id ?? `field-${own.name}`;
  return (
    <>
      <label for={id()}>{own.label}</label>
      <select
        id={id()}
        name={own.name}
        aria-invalid={!!form.error(own.name)}
        aria-describedby={form.error(own.name) ? `${id()}-error` : undefined}
        {...rest}
      >
        {own.children}
      </select>
      <FieldError name={own.name} id={`${id()}-error`} />
    </>
  );
}
