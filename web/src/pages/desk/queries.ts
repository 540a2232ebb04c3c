import { query } from '@solidjs/router';
import { api, json } from '../../lib/api.ts';
import type { PlaceQuery } from '../../lib/scope.ts';

/** A resident's ticket by its number and private token (the tracking page). */
export const getTracking = query(
  async (number: string, token: string) =>
    json(await api.tickets[':number'].$get({ param: { number }, query: { token } })),
  'tracking',
);
export type Tracking = Awaited<ReturnType<typeof getTracking>>;

/** A page of the public board of a community, a whole sub-district or the district. */
export const getBoard = query(
  async (where: PlaceQuery, after?: string) =>
    json(
      await api.board.$get({
        query: { community: where.community, subdistrict: where.subdistrict, district: where.district, after },
      }),
    ),
  'board',
);
export type BoardTicket = Awaited<ReturnType<typeof getBoard>>['tickets'][number];
