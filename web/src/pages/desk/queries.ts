import { query } from '@solidjs/router';
import { api, json } from '../../lib/api.ts';

/** A resident's ticket by its number and private token (the tracking page). */
export const getTracking = query(
  async (number: string, token: string) =>
    json(await api.tickets[':number'].$get({ param: { number }, query: { token } })),
  'tracking',
);
export type Tracking = Awaited<ReturnType<typeof getTracking>>;
