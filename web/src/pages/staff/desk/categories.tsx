import { action, createAsync, query, revalidate, useSubmission } from '@solidjs/router';
import type { InferResponseType } from 'hono/client';
import { createSignal, ErrorBoundary, For, Index, Show, Suspense, untrack } from 'solid-js';
import { Field, SubmitRow } from '../../../components/field.tsx';
import { Form } from '../../../components/form.tsx';
import { LoadError, Loading } from '../../../components/states.tsx';
import { api, json } from '../../../lib/api.ts';
import { field, formState } from '../../../lib/form-action.ts';
import { getPlaces, staffCommunities } from '../../../lib/places.ts';
import { messageKey, placeName, t, tKey } from '../../../lib/prefs.ts';
import { getMe } from '../../../lib/staff-session.ts';

type Category = InferResponseType<typeof api.desk.categories.$get, 200>['categories'][number];
const getStaffCategories = query(
  async (community: string) => json(await api.desk.categories.$get({ query: { community } })),
  'staff-categories',
);

/** What a category's form says, as the API takes it (the clock's unused number is left as it was). */
function fromForm(form: FormData) {
  const hours = field(form, 'clock') === 'hours';
  const number = (name: string) => Number(field(form, name));
  return {
    name: field(form, 'name'),
    nameEn: field(form, 'nameEn'),
    examples: field(form, 'examples'),
    examplesEn: field(form, 'examplesEn'),
    owner: field(form, 'owner') as Category['owner'],
    clock: (hours ? 'hours' : 'working_days') as Category['clock'],
    ...(hours
      ? { serviceHours: number('serviceHours'), responseHours: number('responseHours') }
      : { serviceDays: number('serviceDays'), responseDays: number('responseDays') }),
    sortOrder: number('sortOrder'),
    active: form.get('active') === 'on',
    homeVisits: form.get('homeVisits') === 'on',
  };
}

const saveCategory = action(async (form: FormData) => {
  const id = field(form, 'id');
  if (id) await json(await api.desk.categories[':id'].$patch({ param: { id }, json: fromForm(form) }));
  else
    await json(
      await api.desk.categories.$post({
        // The working-day limit is required even for a category on the hours clock, which does not read it.
        json: { serviceDays: 1, ...fromForm(form), community: field(form, 'community'), code: field(form, 'code') },
      }),
    );
  await revalidate(getStaffCategories.keyFor(field(form, 'community')));
  return { saved: id || field(form, 'code') };
}, 'category-save');

/** Each community's ticket categories: who owns each, and the time it is to be answered and done in. */
export default function CategoriesPage() {
  const me = createAsync(() => getMe());
  const places = createAsync(() => getPlaces());
  const communities = () => staffCommunities(me()?.staff?.place, places());
  const [chosen, setChosen] = createSignal<string>();
  const community = () => chosen() ?? communities()[0]?.slug;
  const data = createAsync(async () => (community() ? getStaffCategories(community()!) : undefined));
  const mayEdit = () => !!me()?.abilities?.['category.manage'];
  return (
    <>
      <h1>{t('categoriesTitle')}</h1>
      <p class="notice">{t('categoriesIntro')}</p>
      <label for="categories-community">{t('filterCommunity')}</label>
      <select id="categories-community" onChange={(e) => setChosen(e.currentTarget.value)}>
        <For each={communities()}>{(c) => <option value={c.slug}>{placeName(c)}</option>}</For>
      </select>
      <ErrorBoundary fallback={(err, retry) => <LoadError error={err} retry={retry} />}>
        <Suspense fallback={<Loading />}>
          {/* By position, so an open editor stays open (with its "saved") when the list is read again. */}
          <Index each={data()?.categories}>
            {(c) => <CategoryCard category={c()} community={community()!} editable={mayEdit()} />}
          </Index>
          <Show when={mayEdit() && community()}>
            <details class="card">
              <summary>{t('categoryAdd')}</summary>
              <CategoryForm community={community()!} />
            </details>
          </Show>
        </Suspense>
      </ErrorBoundary>
    </>
  );
}

/** "3 个工作日" or "24 小时", for the time to answer or to finish. */
const span = (c: Category, days: number, hours: number) =>
  c.clock === 'hours' ? t('categoryHours', { n: hours }) : t('categoryDays', { n: days });

function CategoryCard(props: { category: Category; community: string; editable: boolean }) {
  const c = () => props.category;
  return (
    <section class="card" aria-labelledby={`category-${c().id}`}>
      <h2 id={`category-${c().id}`}>
        {c().name} <span class="muted">{c().code}</span>{' '}
        <Show when={!c().active}>
          <span class="badge badge-warn">{t('categoryInactive')}</span>
        </Show>
      </h2>
      <p>
        {tKey('owner', c().owner)} · {t('categoryResponse')} {span(c(), c().responseDays, c().responseHours)} ·{' '}
        {t('categoryService')} {span(c(), c().serviceDays, c().serviceHours)}
      </p>
      <Show when={c().examples}>
        <p class="muted">{c().examples}</p>
      </Show>
      <Show when={props.editable}>
        <details>
          <summary>{t('categoryEdit')}</summary>
          <CategoryForm community={props.community} current={c()} />
        </details>
      </Show>
    </section>
  );
}

function CategoryForm(props: { community: string; current?: Category }) {
  const key = () => String(props.current?.id ?? 'new');
  const submission = useSubmission(saveCategory, ([form]) => (field(form, 'id') || 'new') === key());
  const state = formState(submission, { field: (name) => messageKey(`categoryErr_${name}`) });
  // Read once: the list is read again after every save and must not undo what is being typed.
  const start = untrack(() => props.current);
  const [clock, setClock] = createSignal(start?.clock ?? 'working_days');
  const id = (name: string) => `category-${key()}-${name}`;
  return (
    <Form state={state} class="stack" action={saveCategory} method="post">
      <input type="hidden" name="community" value={props.community} />
      <input type="hidden" name="id" value={start?.id ?? ''} />
      <Show when={!start}>
        <Field id={id('code')} name="code" label={t('categoryCode')} hint={t('categoryCodeHint')} required />
      </Show>
      <Field id={id('name')} name="name" label={t('categoryName')} value={start?.name ?? ''} required maxlength="40" />
      <Field id={id('nameEn')} name="nameEn" label={t('categoryNameEn')} value={start?.nameEn ?? ''} required />
      <Field id={id('examples')} name="examples" label={t('categoryExamples')} value={start?.examples ?? ''} />
      <Field id={id('examplesEn')} name="examplesEn" label={t('categoryExamplesEn')} value={start?.examplesEn ?? ''} />
      <label for={id('owner')}>{t('categoryOwner')}</label>
      <select id={id('owner')} name="owner" value={start?.owner ?? 'community'}>
        <For each={['community', 'property', 'joint']}>{(o) => <option value={o}>{tKey('owner', o)}</option>}</For>
      </select>
      <label for={id('clock')}>{t('categoryClock')}</label>
      <select id={id('clock')} name="clock" value={clock()} onChange={(e) => setClock(e.currentTarget.value as never)}>
        <option value="working_days">{t('categoryClockDays')}</option>
        <option value="hours">{t('categoryClockHours')}</option>
      </select>
      <Field
        id={id('response')}
        name={clock() === 'hours' ? 'responseHours' : 'responseDays'}
        label={clock() === 'hours' ? t('categoryResponseHours') : t('categoryResponseDays')}
        type="number"
        min="1"
        value={(clock() === 'hours' ? start?.responseHours : start?.responseDays) ?? (clock() === 'hours' ? 2 : 1)}
        required
      />
      <Field
        id={id('service')}
        name={clock() === 'hours' ? 'serviceHours' : 'serviceDays'}
        label={clock() === 'hours' ? t('categoryServiceHours') : t('categoryServiceDays')}
        type="number"
        min="1"
        value={(clock() === 'hours' ? start?.serviceHours : start?.serviceDays) ?? (clock() === 'hours' ? 24 : 5)}
        required
      />
      <Field
        id={id('sortOrder')}
        name="sortOrder"
        label={t('categorySortOrder')}
        type="number"
        min="0"
        max="999"
        value={start?.sortOrder ?? 100}
      />
      <label class="check">
        <input type="checkbox" name="active" checked={start?.active ?? true} /> {t('categoryActive')}
      </label>
      <label class="check">
        <input type="checkbox" name="homeVisits" checked={start?.homeVisits ?? false} /> {t('categoryHomeVisits')}
      </label>
      <SubmitRow busy={state.busy()} label={t('save')} />
      <Show when={state.done()}>
        <p role="status">{t('saved')}</p>
      </Show>
    </Form>
  );
}
