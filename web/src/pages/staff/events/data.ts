import { query } from '@solidjs/router';
import { api, json } from '../../../lib/api.ts';
import { SHANGHAI_MS } from '../../../lib/dates.ts';

/** The organisers' data, through the typed client. */

export const getOrganiserEvents = query(
  async (when: 'upcoming' | 'past') => json(await api.organiser.events.$get({ query: { when } })),
  'organiser-events',
);
export const getOrganiserEvent = query(
  async (id: string) => json(await api.organiser.events[':id'].$get({ param: { id } })),
  'organiser-event',
);
export const getDoorList = query(
  async (id: string) => json(await api.organiser.events[':id'].signups.$get({ param: { id } })),
  'door-list',
);

export type StaffEvent = Awaited<ReturnType<typeof getOrganiserEvent>>['event'];
export type Attendee = Awaited<ReturnType<typeof getDoorList>>['signups'][number];
export type NewEventBody = Parameters<typeof api.organiser.events.$post>[0]['json'];
export type EventEditBody = Parameters<(typeof api.organiser.events)[':id']['$patch']>[0]['json'];

/** The date and time inputs of a form, in Zhengzhou, for an instant. */
export const localParts = (ms: number) => {
  const iso = new Date(ms + SHANGHAI_MS).toISOString();
  return { date: iso.slice(0, 10), time: iso.slice(11, 16) };
};
/** A date and time typed in Zhengzhou, as the instant the API takes (whatever the phone's zone). */
export const shanghaiInstant = (date: string, time: string) => `${date}T${time}:00+08:00`;
