import { createRoot } from 'solid-js';
import { persisted } from './storage.ts';

export type MyTicket = { number: string; token: string; at: number };

/** What was filed from this phone, newest first, so residents find their tracking links again. */
const filedHere = (key: string) =>
  createRoot(() => {
    const [list, setList] = persisted<MyTicket[]>(key, []);
    const remember = (ticket: MyTicket) =>
      setList((old) => [ticket, ...old.filter((t) => t.number !== ticket.number)].slice(0, 20));
    return { list, remember };
  });

/** The tickets filed from this phone. */
export const myTickets = filedHere('linli.myTickets');
/** The renovation wishes and objections filed from this phone. */
export const myWishes = filedHere('linli.myWishes');
/** The home-visit requests made from this phone (for oneself or for someone else). */
export const myVisits = filedHere('linli.myVisits');

/**
 * The "me too"s pressed on this phone, with the count each one made: the board is cached for a
 * short while, so after a reload it may not count them yet, and the resident must still see theirs.
 */
export const myMeToos = createRoot(() => {
  const [counts, setCounts] = persisted<Record<string, number>>('linli.meToos', {});
  const remember = (number: string, count: number) =>
    setCounts((old) =>
      Object.fromEntries([...Object.entries(old).filter(([n]) => n !== number), [number, count]].slice(-200)),
    );
  return { counts, remember };
});

/** The private tracking page of a ticket. */
export const trackingPath = (t: { number: string; token: string }) =>
  `/desk/t/${t.number}?token=${encodeURIComponent(t.token)}`;
