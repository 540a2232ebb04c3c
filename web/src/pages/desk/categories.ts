import { query } from '@solidjs/router';
import { api, json } from '../../lib/api.ts';

/** A community's ticket categories as residents see them. */
export const getCategories = query(
  async (community: string) => json(await api.tickets.categories.$get({ query: { community } })),
  'categories',
);

export type Category = Awaited<ReturnType<typeof getCategories>>['categories'][number];
