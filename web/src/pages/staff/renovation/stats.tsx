import { t } from '../../../lib/prefs.ts';
import type { ProjectStats } from './data.ts';

/** A project's figures: wishes received, answered, came true, median days to an answer, objections open. */
export function StatsBlock(props: { stats: ProjectStats; headingId: string }) {
  const s = () => props.stats;
  const figures = () =>
    [
      ['renoStatReceived', s().received],
      ['renoStatAnswered', s().answered],
      ['renoStatCameTrue', s().cameTrue],
      [
        'renoStatMedianDays',
        s().medianDaysToAnswer === null ? t('renoNoFigure') : t('renoDays', { n: s().medianDaysToAnswer! }),
      ],
      ['renoStatObjectionsOpen', s().objectionsOpen],
    ] as const;
  return (
    <section class="reno-stats" aria-labelledby={props.headingId}>
      <h2 id={props.headingId}>{t('renoStatsTitle')}</h2>
      <dl class="figures">
        {figures().map(([key, value]) => (
          <div>
            <dt>{t(key)}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
