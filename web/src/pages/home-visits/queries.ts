import { query } from '@solidjs/router';
import { ApiFailure, api, json } from '../../lib/api.ts';

/** The home services a community offers residents, with what to prepare and who may ask. */
export const getVisitServices = query(
  async (community: string) => json(await api['home-visits'].services.$get({ query: { community } })),
  'home-visit-services',
);
export type VisitServices = Awaited<ReturnType<typeof getVisitServices>>;
export type VisitService = VisitServices['services'][number];

/** A requester's home visit by its number and private token (the tracking page). */
export const getVisitTracking = query(
  async (number: string, token: string) =>
    json(await api['home-visits'][':number'].$get({ param: { number }, query: { token } })),
  'home-visit-tracking',
);
export type VisitTracking = Awaited<ReturnType<typeof getVisitTracking>>;

/** The private tracking page of a home visit. */
export const visitPath = (v: { number: string; token: string }) =>
  `/home-visits/t/${v.number}?token=${encodeURIComponent(v.token)}`;

/**
 * The server names a nested field by its path (`forWhom.name`, `slot.start`); the forms name
 * their controls with `_` (`forWhom_name`), since a failure's words go by the path's first part.
 * @example throw flatFields(err) // fields { 'address.room': … } → { address_room: … }
 */
export function flatFields(err: unknown): unknown {
  if (!(err instanceof ApiFailure) || !Object.keys(err.fields).some((k) => k.includes('.'))) return err;
  const fields = Object.fromEntries(Object.entries(err.fields).map(([k, v]) => [k.replaceAll('.', '_'), v]));
  return new ApiFailure(err.status, { error: { code: err.code, message: err.message, fields } }, err.retryAfter);
}
