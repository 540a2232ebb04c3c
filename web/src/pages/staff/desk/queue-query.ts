import { query } from '@solidjs/router';
import { api, json } from '../../../lib/api.ts';

/** The queue's filters as the URL keeps them. */
export type Filters = {
  status?: string;
  owner?: string;
  category?: string;
  overdue?: string;
  view?: string;
  limit?: string;
};
type Sent = NonNullable<Parameters<typeof api.desk.tickets.$get>[0]>['query'];

export const getQueue = query(async (filters: Filters) => {
  const status = filters.status || 'open';
  const q: Sent = {
    status: status === 'all' ? undefined : (status as 'open'),
    owner: (filters.owner || undefined) as 'community' | undefined,
    category: filters.category || undefined,
    overdue: filters.overdue === '1' ? ('1' as const) : undefined,
    view: (filters.view || undefined) as Sent['view'],
    limit: filters.limit,
  };
  return json(await api.desk.tickets.$get({ query: q }));
}, 'desk-queue');
export type QueueRow = Awaited<ReturnType<typeof getQueue>>['tickets'][number];
