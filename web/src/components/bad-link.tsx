import { createAsync } from '@solidjs/router';
import { getPlaces } from '../lib/places.ts';
import { placeName, t } from '../lib/prefs.ts';

/**
 * A wrong or cut-off private link: say so, and where to ask, by the community its number names
 * (every number starts with the community's code).
 */
export function BadLink(props: { number: string; message: string; kind: 'ticket' | 'wish' | 'visit' }) {
  const tree = createAsync(() => getPlaces());
  const community = () => {
    const code = props.number.split('-')[0]?.toUpperCase();
    return tree()
      ?.subdistricts.flatMap((s) => s.communities)
      .find((c) => c.code === code);
  };
  return (
    <>
      <p>{props.message}</p>
      <p>
        {t('badTrackingLinkWhat', {
          what: t(`linkNumber_${props.kind}`),
          number: props.number,
          desk: community() ? placeName(community()!) : t('yourCommunity'),
        })}
      </p>
    </>
  );
}
