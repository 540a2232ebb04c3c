import { createAsync, query } from '@solidjs/router';
import { For, Show } from 'solid-js';
import { api, json } from '../../../lib/api.ts';
import { formatFigure } from '../../../lib/format.ts';
import { t, tKey } from '../../../lib/prefs.ts';
import type { PlaceQuery } from '../../../lib/scope.ts';

type OutreachQuery = PlaceQuery & { from: string; to: string };
const getOutreach = query(
  async (q: OutreachQuery) => json(await api.events.outreach.$get({ query: q })),
  'events-outreach',
);
type Channel = Awaited<ReturnType<typeof getOutreach>>['channels'][number];

/** How far a channel reached: loudspeaker sites, WeChat groups, or the venues on the ground. */
const reach = (c: Channel) =>
  c.channel === 'online' ? t('outreachGroups', { n: c.groups }) : t('outreachSites', { n: c.venues });

/**
 * 三位一体: outreach on the ground, over loudspeakers and online for the statistics page's place
 * and period, one row a channel (sessions, hours, attendance, reach), with its CSV and JSON.
 */
export function OutreachTable(props: { ask: OutreachQuery }) {
  const figures = createAsync(() => getOutreach(props.ask));
  const link = (format: 'csv' | 'json') =>
    `/api${api.events.outreach.export.$path({ query: { ...props.ask, format } })}`;
  return (
    <Show when={figures()}>
      {(f) => (
        <section aria-labelledby="outreach-title">
          <h2 id="outreach-title">{t('outreachTitle')}</h2>
          <Show when={f().channels.some((c) => c.sessions > 0)} fallback={<p class="muted">{t('outreachEmpty')}</p>}>
            <div class="table-scroll">
              <table class="data outreach-table">
                <thead>
                  <tr>
                    <th scope="col">{t('outreachChannel')}</th>
                    <th scope="col">{t('outreachSessions')}</th>
                    <th scope="col">{t('outreachHours')}</th>
                    <th scope="col">{t('outreachAttendance')}</th>
                    <th scope="col">{t('outreachReach')}</th>
                  </tr>
                </thead>
                <tbody>
                  <For each={f().channels}>
                    {(c) => (
                      <tr>
                        <th scope="row">{tKey('outreachChannel', c.channel)}</th>
                        <td>{formatFigure(c.sessions)}</td>
                        <td>{formatFigure(c.hours)}</td>
                        <td>{formatFigure(c.attendance)}</td>
                        <td>{c.sessions ? reach(c) : '—'}</td>
                      </tr>
                    )}
                  </For>
                </tbody>
              </table>
            </div>
          </Show>
          <p class="muted">{t('outreachExplain')}</p>
          <p class="actions">
            <a class="button button-secondary" href={link('csv')} download="">
              {t('outreachExportCsv')}
            </a>{' '}
            <a class="button button-secondary" href={link('json')} download="">
              {t('outreachExportJson')}
            </a>
          </p>
        </section>
      )}
    </Show>
  );
}
