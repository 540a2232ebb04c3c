import { asc, inArray } from 'drizzle-orm';
import type * as z from 'zod/mini';
import { partners } from '../../schema/index.ts';
import { ApiError } from '../lib/errors.ts';
import type { Db } from '../lib/platform.ts';
import { auditEntryIfChanged } from '../staff/audit.ts';
import type { StaffMember } from '../staff/policy.ts';
import type { newPartnerSchema } from './input.ts';

const columns = { slug: partners.slug, name: partners.name, nameEn: partners.nameEn, kind: partners.kind };

/** The contractors and supervisors a project can name. */
export async function renovationPartners(db: Db) {
  return db
    .select(columns)
    .from(partners)
    .where(inArray(partners.kind, ['contractor', 'supervisor']))
    .orderBy(asc(partners.kind), asc(partners.slug));
}

/** Registers a contractor or supervisor organisation; its code must be new (409 otherwise). */
export async function addPartner(db: Db, staff: StaffMember, input: z.infer<typeof newPartnerSchema>, now: number) {
  const [[created]] = await db.batch([
    db
      .insert(partners)
      .values({ ...input, nameEn: input.nameEn || input.name })
      .onConflictDoNothing()
      .returning(columns),
    auditEntryIfChanged(db, staff, 'partner.create', 'partner', input.slug, now),
  ]);
  if (!created)
    throw new ApiError(409, 'partner_exists', 'An organisation with this code exists already.', { slug: 'Taken.' });
  return created;
}
