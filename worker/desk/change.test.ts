import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { staff as staffTable } from '../../schema/index.ts';
import { ApiError } from '../lib/errors.ts';
import type { StaffMember } from '../staff/policy.ts';
import { runDeskAction } from './actions.ts';
import { changeTicket } from './change.ts';
import { type DeskApp, deskApp, START } from './test-helpers.ts';
import { loadTicket } from './views.ts';

let d: DeskApp;
let admin: StaffMember;
beforeAll(async () => {
  d = await deskApp();
  const [row] = await d.t.db.select().from(staffTable).where(eq(staffTable.login, 'erqi-admin'));
  admin = {
    id: row!.id,
    login: row!.login,
    displayName: row!.displayName,
    role: 'admin',
    subdistrictId: null,
    communityId: null,
    propertyCompanyId: null,
    partnerId: null,
    compoundIds: [],
  };
});
afterAll(() => d.t.cleanup());

/** What a request that lost the race holds: the ticket as it was read before the winner wrote. */
async function twoReaders() {
  const { number } = await d.fileOk({ category: 'not-sure' });
  const first = (await loadTicket(d.t.db, number))!;
  const second = (await loadTicket(d.t.db, number))!;
  return { number, first, second };
}

const conflict = (err: unknown) => err instanceof ApiError && err.status === 409 && err.code === 'version_conflict';

describe('changeTicket: the optimistic lock in the database', () => {
  it('refuses the loser of a race that passed the version check in memory, writing no entry', async () => {
    const { number, first, second } = await twoReaders();
    await changeTicket(d.t.db, first.ticket, {
      action: 'accept',
      version: 1,
      now: START,
      entry: { kind: 'accepted', visibility: 'public', actor: 'staff' },
    });
    const lost = changeTicket(d.t.db, second.ticket, {
      version: 1,
      now: START,
      set: { flagged: true },
      entry: { kind: 'flagged', visibility: 'internal', actor: 'staff' },
    });
    await expect(lost).rejects.toSatisfy(conflict);
    const entries = await d.entries(number);
    expect(entries.map((e) => e.kind)).toEqual(['submitted', 'accepted']);
    expect(await d.view(number)).toMatchObject({ status: 'accepted', flagged: false, version: 2 });
  });

  it('refuses a status change from a status the database no longer holds', async () => {
    const { number, first, second } = await twoReaders();
    await changeTicket(d.t.db, first.ticket, {
      action: 'reject',
      version: 1,
      now: START,
      entry: { kind: 'rejected', visibility: 'public', actor: 'staff' },
    });
    await expect(
      changeTicket(d.t.db, second.ticket, {
        action: 'accept',
        version: 1,
        now: START,
        entry: { kind: 'accepted', visibility: 'public', actor: 'staff' },
      }),
    ).rejects.toSatisfy(conflict);
    expect((await d.view(number)).status).toBe('rejected');
  });

  it('keeps no audit entry for a staff action that lost the race', async () => {
    const { first, second } = await twoReaders();
    const before = await d.auditCount('ticket.reroute');
    await runDeskAction(
      d.t.db,
      first,
      { action: 'reroute', owner: 'community', reason: '归社区', version: 1 },
      admin,
      START,
    );
    await expect(
      runDeskAction(
        d.t.db,
        second,
        { action: 'reroute', owner: 'property', reason: '归物业', version: 1 },
        admin,
        START,
      ),
    ).rejects.toSatisfy(conflict);
    expect(await d.auditCount('ticket.reroute')).toBe(before + 1);
  });
});
