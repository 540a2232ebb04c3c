import { and, desc, eq, gte, inArray, lte, ne, type SQL, sql } from 'drizzle-orm';
import {
  communities,
  photos,
  propertyCompanies,
  type TicketStatus,
  ticketCategories,
  tickets,
  timelineEntries,
} from '../../schema/index.ts';
import { openStatuses } from '../desk/lifecycle.ts';
import type { Db } from '../lib/platform.ts';
import { isoShanghai } from './format.ts';

/** Open311 knows two statuses: Linli's open ones are `open`, everything after is `closed`. */
export const open311Status = (status: TicketStatus) =>
  (openStatuses as readonly TicketStatus[]).includes(status) ? 'open' : 'closed';

/** What a GET may filter on, already checked by the route. */
export type RequestFilter = {
  numbers?: string[];
  communityId?: number;
  serviceCodes?: string[];
  from?: number;
  to?: number;
  status?: 'open' | 'closed';
  limit: number;
  offset: number;
};

const closedStatuses: TicketStatus[] = ['resolved', 'closed', 'duplicate'];

/**
 * Rejected tickets never show (they may be abuse or a mistake), like on the public board. The
 * answer carries only what the board shows of a ticket, never the resident's name, phone or token.
 */
function conditions(f: RequestFilter): SQL | undefined {
  if (f.numbers) return and(ne(tickets.status, 'rejected'), inArray(tickets.number, f.numbers));
  return and(
    ne(tickets.status, 'rejected'),
    f.communityId === undefined ? undefined : eq(tickets.communityId, f.communityId),
    f.serviceCodes ? inArray(ticketCategories.code, f.serviceCodes) : undefined,
    f.from === undefined ? undefined : gte(tickets.createdAt, f.from),
    f.to === undefined ? undefined : lte(tickets.createdAt, f.to),
    f.status === 'open' ? inArray(tickets.status, openStatuses) : undefined,
    f.status === 'closed' ? inArray(tickets.status, closedStatuses) : undefined,
  );
}

/** The latest public word from staff (a reply, a resolution note, a pause's reason), never a resident's own. */
const statusNote = sql<string | null>`(select ${timelineEntries.body} from ${timelineEntries}
  where ${timelineEntries.ticketId} = ${tickets.id} and ${timelineEntries.visibility} = 'public'
    and ${timelineEntries.actor} != 'resident' and ${timelineEntries.body} is not null
  order by ${timelineEntries.at} desc, ${timelineEntries.id} desc limit 1)`;

/**
 * Service requests as GeoReport v2 lists them, newest first.
 * @example await publicRequests(db, { status: 'open', limit: 50, offset: 0 }, 'https://linli.example')
 */
export async function publicRequests(db: Db, f: RequestFilter, origin: string) {
  const rows = await db
    .select({
      number: tickets.number,
      status: tickets.status,
      owner: tickets.owner,
      description: tickets.description,
      location: tickets.location,
      createdAt: tickets.createdAt,
      updatedAt: tickets.updatedAt,
      dueAt: tickets.dueAt,
      photosPublic: tickets.photosPublic,
      photoCount: sql<number>`(select count(*) from ${photos} where ${photos.ticketId} = ${tickets.id})`,
      note: statusNote,
      code: ticketCategories.code,
      service: ticketCategories.name,
      community: communities.name,
      company: propertyCompanies.name,
    })
    .from(tickets)
    .innerJoin(ticketCategories, eq(ticketCategories.id, tickets.categoryId))
    .innerJoin(communities, eq(communities.id, tickets.communityId))
    .leftJoin(propertyCompanies, eq(propertyCompanies.id, tickets.propertyCompanyId))
    .where(conditions(f))
    .orderBy(desc(tickets.createdAt), desc(tickets.id))
    .limit(f.limit)
    .offset(f.offset);
  return rows.map((r) => {
    const open = open311Status(r.status) === 'open';
    const committee = `${r.community}居委会`;
    const company = r.company ?? '物业公司';
    return {
      service_request_id: r.number,
      status: open311Status(r.status),
      status_notes: r.note ?? '',
      service_name: r.service,
      service_code: r.code,
      description: r.description,
      agency_responsible:
        r.owner === 'community' ? committee : r.owner === 'property' ? company : `${committee}、${company}`,
      service_notice: '',
      requested_datetime: isoShanghai(r.createdAt),
      updated_datetime: isoShanghai(r.updatedAt),
      expected_datetime: isoShanghai(r.dueAt),
      address: r.location,
      address_id: '',
      zipcode: '',
      // The photos only while the board shows them: the filer agreed and the ticket is open.
      media_url: r.photosPublic && open && r.photoCount > 0 ? `${origin}/api/tickets/${r.number}/photos/0` : '',
    };
  });
}
