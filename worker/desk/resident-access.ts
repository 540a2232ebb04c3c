import { tokenMatches } from '../lib/crypto.ts';
import { ApiError } from '../lib/errors.ts';
import type { Db } from '../lib/platform.ts';
import { type LoadedTicket, loadTicket } from './views.ts';

/** The one answer for a missing ticket and a wrong token, so tokens cannot be probed. */
export const ticketNotFound = () => new ApiError(404, 'ticket_not_found', 'No ticket with this number and link.');

/** Loads a ticket for the resident who holds its private token, or 404. */
export async function ticketForToken(db: Db, number: string, token: string): Promise<LoadedTicket> {
  const row = await loadTicket(db, number);
  const matches = await tokenMatches(token, row?.ticket.tokenHash);
  if (!row || !matches) throw ticketNotFound();
  return row;
}
