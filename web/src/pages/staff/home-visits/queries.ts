import { query } from '@solidjs/router';
import { api, json } from '../../../lib/api.ts';

const desk = api.desk['home-visits'];
type QueueQuery = Parameters<typeof desk.$get>[0]['query'];
export type VisitFilters = { status?: string; partner?: string; overdue?: string; before?: string };

/** The visits the staff member may see, by status (open ones unless told), partner and overdue. */
export const getVisitQueue = query(async (f: VisitFilters) => {
  const status = f.status || 'open';
  const q: QueueQuery = {
    status: status === 'all' ? undefined : (status as QueueQuery['status']),
    partner: f.partner || undefined,
    overdue: f.overdue === '1' ? '1' : undefined,
    before: f.before || undefined,
  };
  return json(await desk.$get({ query: q }));
}, 'home-visit-queue');
export type QueuedVisit = Awaited<ReturnType<typeof getVisitQueue>>['visits'][number];

/** Each partner organisation the staff member works with, with its figures. */
export const getPartnerFigures = query(
  async (community?: string) => json(await desk.partners.$get({ query: { community } })),
  'home-visit-partners',
);
export type PartnerFigures = Awaited<ReturnType<typeof getPartnerFigures>>['partners'][number];

/** One visit as this staff member may see it, and the actions the server offers them now. */
export const getStaffVisit = query(
  async (number: string) => json(await desk[':number'].$get({ param: { number } })),
  'home-visit-staff',
);
export type StaffVisitPage = Awaited<ReturnType<typeof getStaffVisit>>;
export type StaffVisit = NonNullable<StaffVisitPage['visit']>;
export type VisitActionName = StaffVisitPage['actions'][number];
export type VisitActionBody = Parameters<(typeof desk)[':number']['actions']['$post']>[0]['json'];
