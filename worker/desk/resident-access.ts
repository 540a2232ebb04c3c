import { tokenMatches } from '../lib/crypto.ts';
import { ApiError } from '../lib/errors.ts';
import type { Db } from '../lib/platform.ts';
import { type LoadedTicket, loadTicket } from './views.ts';

/** The one answer for a missing ticket and a wrong token, so tokens cannot be probed. */
export const ticketNotFound = () => new ApiError(404, 'ticket_not_found', 'No ticket with this number and link.');

/** Loads a ticket (by `load`, which may read more with it) for the resident who holds its private token, or 404. */
export async function ticketForToken<T extends LoadedTicket = LoadedTicket>(
  db: Db,
  number: string,
  token: string,
  load: (db: Db, number: string) => Promise<T | undefined> = loadTicket as never,
): Promise<T> {
  const row = await load(db, number);
  const matches = await tokenMatches(token, row?.ticket.tokenHash);
  if (!row || !matches) throw ticketNotFound();
  return row;
}
