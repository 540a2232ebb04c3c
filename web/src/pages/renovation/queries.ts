import { query } from '@solidjs/router';
import { api, json } from '../../lib/api.ts';

/** The renovation projects of a community, with their plan items and counts. */
export const getProjects = query(
  async (community: string) => json(await api.renovation.projects.$get({ query: { community } })),
  'renovation-projects',
);

/** A project's public page: plan, wishes by answer, meetings, news. */
export const getProject = query(
  async (id: string) => json(await api.renovation.projects[':id'].$get({ param: { id } })),
  'renovation-project',
);
export type ProjectPage = Awaited<ReturnType<typeof getProject>>['project'];
export type PublicWish = ProjectPage['wishGroups'][number]['wishes'][number];
export type Meeting = NonNullable<ProjectPage['meetings']['next']>;

/** A resident's wish by its number and private token (the tracking page). */
export const getWishTracking = query(
  async (number: string, token: string) =>
    json(await api.renovation.wishes[':number'].$get({ param: { number }, query: { token } })),
  'renovation-wish',
);
export type WishTracking = Awaited<ReturnType<typeof getWishTracking>>;

/** The private tracking page of a wish. */
export const wishPath = (w: { number: string; token: string }) =>
  `/renovation/w/${w.number}?token=${encodeURIComponent(w.token)}`;
