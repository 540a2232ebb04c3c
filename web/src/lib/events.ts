import { query } from '@solidjs/router';
import { createRoot } from 'solid-js';
import { api, json } from './api.ts';
import type { PlaceQuery } from './scope.ts';
import { persisted } from './storage.ts';

/** Residents' event data, loaded through the typed client and shared by the events pages. */

/** The events of a community (with its sub-district's own), a whole sub-district or the district. */
export const getEvents = query(
  async (place: PlaceQuery, when: 'upcoming' | 'past' = 'upcoming') =>
    json(
      await api.events.$get({
        query: { community: place.community, subdistrict: place.subdistrict, district: place.district, when },
      }),
    ),
  'events',
);
export const getEvent = query(async (id: string) => json(await api.events[':id'].$get({ param: { id } })), 'event');
export const getSignup = query(
  async (id: string, token: string) => json(await api.events.signups[':id'].$get({ param: { id }, query: { token } })),
  'event-signup',
);

export type EventList = Awaited<ReturnType<typeof getEvents>>;
export type PublicEvent = EventList['events'][number];
export type SignupPage = Awaited<ReturnType<typeof getSignup>>;

export type MySignup = { id: number; token: string; eventId: number; title: string; startsAt: number };

/** The sign-ups made on this phone, soonest first, so residents find their private links again. */
export const mySignups = createRoot(() => {
  const [list, setList] = persisted<MySignup[]>('linli.mySignups', []);
  const remember = (s: MySignup) =>
    setList((old) => [s, ...old.filter((o) => o.id !== s.id)].sort((a, b) => a.startsAt - b.startsAt).slice(0, 30));
  /** After a cancellation: the event page offers the form again. */
  const forget = (id: number) => setList((old) => old.filter((o) => o.id !== id));
  return { list, remember, forget };
});

/** The private page of a sign-up. */
export const signupPath = (s: { id: number; token: string }) =>
  `/events/signup/${s.id}?token=${encodeURIComponent(s.token)}`;

/** The .ics of one event ("add to calendar"); a file link, not JSON, so a plain URL. */
export const eventIcsPath = (id: number) => `/api/events/${id}/calendar.ics`;

/** The subscribable calendar of a place: webcal:// for phones that subscribe, https for the rest. */
export function feedUrls(place: { community?: string; subdistrict?: string }) {
  const query = place.community
    ? `community=${encodeURIComponent(place.community)}`
    : `subdistrict=${encodeURIComponent(place.subdistrict ?? '')}`;
  const https = `${location.origin}/feeds/events.ics?${query}`;
  return { https, webcal: https.replace(/^https?:/, 'webcal:') };
}
