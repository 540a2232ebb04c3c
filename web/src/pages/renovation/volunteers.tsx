import { For, Index, Show } from 'solid-js';
import { ZoomPhoto } from '../../components/zoom-photo.tsx';
import { formatDate } from '../../lib/format.ts';
import { t, tKey } from '../../lib/prefs.ts';
import type { ProjectPage, PublicWish } from './queries.ts';

/** A volunteer's roles in words, 政策宣传员、质量监督员. */
export const rolesText = (roles: readonly string[]) => roles.map((r) => tKey('volunteerRole', r)).join(t('listSep'));

/** The compound's four officers (四大员) who agreed to be shown: names and roles, never a phone. */
export function Roster(props: { volunteers: ProjectPage['volunteers'] }) {
  return (
    <Show when={props.volunteers.length > 0}>
      <section aria-labelledby="volunteers-title">
        <h2 id="volunteers-title">{t('volunteersTitle')}</h2>
        <p class="hint">{t('volunteersIntro')}</p>
        <dl class="card facts">
          <For each={props.volunteers}>
            {(v) => (
              <>
                <dt>{v.name}</dt>
                <dd>{rolesText(v.roles)}</dd>
              </>
            )}
          </For>
        </dl>
      </section>
    </Show>
  );
}

/** Who recorded a wish for a neighbour, when a volunteer did. */
export function WishCredit(props: { wish: PublicWish }) {
  return (
    <Show when={props.wish.volunteer}>
      {(v) => <p class="muted">{v().name ? t('wishByVolunteer', { name: v().name! }) : t('wishByVolunteerAnon')}</p>}
    </Show>
  );
}

type Problem = ProjectPage['items'][number]['problems'][number];

/** The quality problems on a plan item, each with its answer or that it waits for one. */
export function ItemProblems(props: { problems: Problem[] }) {
  return (
    <Show when={props.problems.length > 0}>
      <h4>{t('problemsTitle')}</h4>
      <ul class="plain-list">
        <For each={props.problems}>
          {(p) => (
            <li class={`answer problem-${p.status}`}>
              <p class="muted">
                {p.reportedBy ? t('problemReportedBy', { name: p.reportedBy }) : t('problemReported')} ·{' '}
                {formatDate(p.createdAt)} · <strong>{tKey('problemStatus', p.status)}</strong>
              </p>
              <p>{p.description}</p>
              <Show when={p.photoCount > 0}>
                <span class="thumbs">
                  <Index each={Array.from({ length: p.photoCount })}>
                    {(_, i) => (
                      <ZoomPhoto
                        src={`/api/renovation/problems/${p.id}/photos/${i}`}
                        alt={t('problemPhoto')}
                        width="64"
                        height="64"
                        loading="lazy"
                      />
                    )}
                  </Index>
                </span>
              </Show>
              <Show when={p.answer}>
                <p>
                  <strong>{t('problemAnswer')}</strong>
                  {p.answer}
                  <Show when={p.answeredAt}>{(at) => <span class="muted"> · {formatDate(at())}</span>}</Show>
                </p>
              </Show>
            </li>
          )}
        </For>
      </ul>
    </Show>
  );
}
