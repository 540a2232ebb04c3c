import { constantTimeEqual } from '../staff/password.ts';
import { hashToken } from '../staff/session.ts';
import { ApiError } from '../lib/errors.ts';
import type { Db } from '../lib/platform.ts';
import { loadTicket, type LoadedTicket } from './views.ts';

/** The one answer for a missing ticket and a wrong token, so tokens cannot be probed. */
export const ticketNotFound = () => new ApiError(404, 'ticket_not_found', 'No ticket with this number and link.');

/** Loads a ticket for the resident who holds its private token, or 404. */
export async function ticketForToken(db: Db, number: string, token: string): Promise<LoadedTicket> {
  const row = await loadTicket(db, number);
  const presented = new TextEncoder().encode(await hashToken(token));
  const stored = new TextEncoder().encode(row?.ticket.tokenHash ?? '0'.repeat(64));
  if (!row || !constantTimeEqual(presented, stored)) throw ticketNotFound();
  return row;
}
