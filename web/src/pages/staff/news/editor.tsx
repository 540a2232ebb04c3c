import {
  action,
  createAsync,
  type Navigator,
  query,
  useNavigate,
  useParams,
  useSearchParams,
  useSubmission,
} from '@solidjs/router';
import { createSignal, For, Show, Suspense } from 'solid-js';
import { Field, FormMessage } from '../../../components/field.tsx';
import { Form } from '../../../components/form.tsx';
import { PhotoPicker, type PickedPhoto, photoKeys } from '../../../components/photo-picker.tsx';
import { Loading } from '../../../components/states.tsx';
import { api, json } from '../../../lib/api.ts';
import { type FormState, formState, useQuietAction } from '../../../lib/form-action.ts';
import { getPlaces } from '../../../lib/places.ts';
import { placeName, t, tKey } from '../../../lib/prefs.ts';
import { getMe } from '../../../lib/staff-session.ts';
import { type CreditRow, CreditsEditor } from './credits-editor.tsx';

const getDraft = query(
  async (id: string) => (await json(await api.newsroom.articles[':id'].$get({ param: { id } }))).article,
  'newsroom-article',
);
type Draft = Awaited<ReturnType<typeof getDraft>>;
type ArticleInput = Parameters<typeof api.newsroom.articles.$post>[0]['json'];

/** Saves a revision (a new report then reopens at its own address); the router reloads the newsroom. */
const saveArticle = action(async (article: Draft | undefined, input: ArticleInput, navigate: Navigator) => {
  const saved = article
    ? await json(
        await api.newsroom.articles[':id'].$put({
          param: { id: String(article.id) },
          json: { ...input, version: article.version },
        }),
      )
    : await json(await api.newsroom.articles.$post({ json: input }));
  if (!article) navigate(`/staff/news/${saved.article.id}?saved=1`, { replace: true });
  return saved.article;
}, 'newsroom-article-save');

/** Publishes or withdraws a report. */
const setArticleStatus = action(
  async (article: Draft, status: 'publish' | 'unpublish') =>
    (
      await json(
        await api.newsroom.articles[':id'][':action{publish|unpublish}'].$post({
          param: { id: String(article.id), action: status },
          json: { version: article.version },
        }),
      )
    ).article,
  'newsroom-article-status',
);

/** Write or edit a report: save keeps a revision; publishers publish and withdraw. */
function EditorForm(props: { article?: Draft }) {
  const navigate = useNavigate();
  const me = createAsync(() => getMe());
  const places = createAsync(() => getPlaces());
  const [credits, setCredits] = createSignal<CreditRow[]>(
    props.article?.credits ?? [{ name: '', role: 'correspondent', contribution: 'both' }],
  );
  const lead = props.article?.leadPhoto;
  const [photos, setPhotos] = createSignal<PickedPhoto[]>(lead ? [{ key: lead.key, preview: lead.url }] : []);
  const saved = formState(useSubmission(saveArticle));
  const published = formState(useSubmission(setArticleStatus));
  // Saving and publishing answer in the one form.
  const state: FormState = {
    ...saved,
    fields: () => ({ ...published.fields(), ...saved.fields() }),
    message: () => saved.message() || published.message(),
  };
  // A new report reopens at its own address; the notice survives that.
  const [search] = useSearchParams<{ saved?: string }>();
  const savedNotice = () => saved.done() || published.done() || !!search.saved;
  const canPublish = () => !!me()?.abilities?.['news.publish'];
  // The places this staff member writes for: their community, or their sub-district and its communities.
  const placeOptions = () => {
    const own = me()?.staff?.place;
    const subdistricts = places()?.subdistricts ?? [];
    if (own?.type === 'community') return subdistricts.flatMap((s) => s.communities).filter((c) => c.slug === own.slug);
    if (own?.type === 'subdistrict')
      return subdistricts.filter((s) => s.slug === own.slug).flatMap((s) => [s, ...s.communities]);
    return subdistricts.flatMap((s) => [s, ...s.communities]);
  };
  const chosenPlace = () =>
    props.article?.community?.slug ?? props.article?.subdistrict?.slug ?? me()?.staff?.place?.slug ?? '';

  const save = useQuietAction(saveArticle);
  const changeStatus = useQuietAction(setArticleStatus);
  const submit = (e: SubmitEvent) => {
    e.preventDefault();
    const f = new FormData(e.currentTarget as HTMLFormElement);
    const input = {
      headline: String(f.get('headline')),
      kicker: String(f.get('kicker') || '') || null,
      place: String(f.get('place') || '') || null,
      body: String(f.get('body')),
      credits: credits().filter((c) => c.name.trim()),
      leadPhoto: photoKeys(photos())[0]
        ? { key: photoKeys(photos())[0]!, caption: String(f.get('caption') || '') || null }
        : null,
      photos: props.article?.photos.map((p) => ({ key: p.key, caption: p.caption })) ?? [],
    };
    save(props.article, input, navigate);
  };
  // Taking a published report down hides it from every resident: the button asks once more.
  const [confirming, setConfirming] = createSignal(false);
  const setStatus = (status: 'publish' | 'unpublish') => {
    if (status === 'unpublish' && !confirming()) return setConfirming(true);
    setConfirming(false);
    return changeStatus(props.article!, status);
  };

  return (
    <Form state={state} class="stack" onSubmit={submit}>
      <p class="hint">{t('publicFormHint')}</p>
      <Show when={props.article}>{(a) => <p class="badge">{tKey('article', a().status)}</p>}</Show>
      <Field name="headline" label={t('headlineLabel')} value={props.article?.headline ?? ''} required maxLength={80} />
      <Field name="kicker" label={t('kickerLabel')} value={props.article?.kicker ?? ''} list="kickers" maxLength={20} />
      <datalist id="kickers">
        <option value="学党史办实事" />
        <option value="社区小喇叭" />
      </datalist>
      <label for="field-place">{t('articlePlaceLabel')}</label>
      <select id="field-place" name="place">
        {/* Only staff whose place is the whole district may write for all of it. */}
        <Show when={me()?.staff && !me()!.staff!.place}>
          <option value="">{t('districtWide')}</option>
        </Show>
        <For each={placeOptions()}>
          {(p) => (
            <option value={p.slug} selected={p.slug === chosenPlace()}>
              {placeName(p)}
            </option>
          )}
        </For>
      </select>
      <Field
        name="body"
        label={t('bodyLabel')}
        hint={t('bodyHint')}
        value={props.article?.body ?? ''}
        multiline
        required
        rows={12}
      />
      <CreditsEditor credits={credits()} onChange={setCredits} />
      <PhotoPicker photos={photos()} onChange={setPhotos} max={1} label={t('leadPhotoLabel')} />
      <Show when={photos().length}>
        <Field name="caption" label={t('captionLabel')} value={lead?.caption ?? ''} maxLength={200} />
      </Show>
      <FormMessage />
      <Show when={!state.message() && savedNotice()}>
        <p role="status">{t('saved')}</p>
      </Show>
      <div class="actions">
        <button class="button" type="submit">
          {t('saveDraft')}
        </button>
        <Show when={props.article && canPublish()}>
          <button
            type="button"
            class="button button-secondary"
            onClick={() => setStatus(props.article!.status === 'published' ? 'unpublish' : 'publish')}
          >
            {props.article!.status === 'published'
              ? confirming()
                ? t('unpublishConfirm')
                : t('unpublish')
              : t('publish')}
          </button>
        </Show>
        <Show when={confirming()}>
          <p class="notice" role="alert">
            {t('unpublishWarning')}
          </p>
        </Show>
      </div>
    </Form>
  );
}

export default function Editor() {
  const params = useParams<{ id?: string }>();
  const article = createAsync(async () => (params.id && params.id !== 'new' ? getDraft(params.id) : undefined));
  return (
    <>
      <h1>{params.id && params.id !== 'new' ? t('editArticle') : t('newArticle')}</h1>
      <Suspense fallback={<Loading />}>
        <Show when={!params.id || params.id === 'new' || article()} keyed>
          <EditorForm article={article()} />
        </Show>
      </Suspense>
    </>
  );
}
