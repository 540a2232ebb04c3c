import { createAsync } from '@solidjs/router';
import { For } from 'solid-js';
import { Field, FieldError } from '../../../components/field.tsx';
import { placeName, t, tKey } from '../../../lib/prefs.ts';
import { getRenovationPartners, type NewProjectBody, orNull, publicLabel, type StaffProject } from './data.ts';
import { SelectField } from './select-field.tsx';

type Sent = FormData | URLSearchParams;
const statuses = ['consulting', 'plan_agreed', 'under_construction', 'completed'] as const;
const dates = ['consultationStartsOn', 'planAgreedOn', 'constructionStartsOn', 'completedOn'] as const;

/** Reads the project's fields (all but its compound) from the form, as the API takes them. */
export function readProject(f: Sent): Omit<NewProjectBody, 'compound'> {
  const text = (name: string) => String(f.get(name) ?? '').trim();
  const members = text('workingGroup')
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const [name = '', ...role] = line.split(/[：:]/);
      return { name: name.trim(), role: role.join('：').trim() };
    });
  const partners = (['contractor', 'supervisor'] as const).flatMap((role) =>
    text(role) ? [{ partner: text(role), role }] : [],
  );
  const articles = text('articles')
    .split(/[\s,，、]+/)
    .filter(Boolean)
    .map(Number);
  return {
    title: text('title'),
    summary: text('summary'),
    status: text('status') as NewProjectBody['status'],
    ledBy: text('ledBy') as NewProjectBody['ledBy'],
    workingGroup: members,
    partners,
    articles,
    ...Object.fromEntries(dates.map((d) => [d, orNull(f, d)])),
  };
}

/** A select of the partner organisations of one role, for the project form. */
function PartnerSelect(props: { kind: 'contractor' | 'supervisor'; value?: string }) {
  const partners = createAsync(() => getRenovationPartners());
  return (
    <SelectField name={props.kind} label={publicLabel(`partnerRole_${props.kind}`)}>
      <option value="">{t('renoNoPartner')}</option>
      <For each={partners()?.partners.filter((p) => p.kind === props.kind)}>
        {(p) => (
          <option value={p.slug} selected={p.slug === props.value}>
            {placeName(p)}
          </option>
        )}
      </For>
    </SelectField>
  );
}

/** The fields of a project, for a new one and for editing; `p` fills them in. */
export function ProjectFields(props: { project?: StaffProject }) {
  // Read through props, so a reload after a conflict shows the newer values.
  const p = () => props.project;
  const partner = (role: string) => p()?.partners.find((x) => x.role === role)?.slug;
  const members = () =>
    p()
      ?.workingGroup.map((m) => `${m.name}：${m.role}`)
      .join('\n') ?? '';
  return (
    <>
      <Field
        name="title"
        label={publicLabel('renoProjectTitle')}
        value={p()?.title ?? ''}
        required
        minLength={2}
        maxLength={100}
      />
      <Field
        name="summary"
        label={publicLabel('renoProjectSummary')}
        value={p()?.summary ?? ''}
        multiline
        maxLength={4000}
      />
      <SelectField name="status" label={publicLabel('renoProjectStatus')} value={p()?.status ?? 'consulting'}>
        <For each={statuses}>{(s) => <option value={s}>{tKey('projectStatus', s)}</option>}</For>
      </SelectField>
      <SelectField name="ledBy" label={publicLabel('renoLedBy')} value={p()?.ledBy ?? 'community'}>
        <For each={['community', 'subdistrict']}>{(l) => <option value={l}>{tKey('renoLedBy', l)}</option>}</For>
      </SelectField>
      <Field
        name="workingGroup"
        label={publicLabel('workingGroup')}
        hint={t('renoWorkingGroupHint')}
        value={members()}
        multiline
      />
      <PartnerSelect kind="contractor" value={partner('contractor')} />
      <PartnerSelect kind="supervisor" value={partner('supervisor')} />
      <FieldError name="partners" />
      <fieldset class="stack">
        <legend>{t('renoKeyDates')}</legend>
        <For each={dates}>
          {(d) => <Field name={d} label={publicLabel(`renoDate_${d}`)} type="date" value={p()?.dates[d] ?? ''} />}
        </For>
      </fieldset>
      <Field
        name="articles"
        label={publicLabel('renoArticles')}
        hint={t('renoArticlesHint')}
        value={
          p()
            ?.articles.map((a) => a.id)
            .join(', ') ?? ''
        }
        inputMode="numeric"
      />
    </>
  );
}
