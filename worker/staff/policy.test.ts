import { describe, expect, it } from 'vitest';
import { type Action, decide, type PlaceRef, roleAllows, type StaffMember } from './policy.ts';

// Places: sub-district 1 has communities 11 and 12; compound 111 is in community 11 and is
// served by property company 7 (and has a volunteer of its own). Sub-district 2 has community 21.
const member = (role: StaffMember['role'], place: Partial<StaffMember> = {}): StaffMember => ({
  id: 1,
  login: role,
  displayName: role,
  role,
  subdistrictId: null,
  communityId: null,
  propertyCompanyId: null,
  partnerId: null,
  compoundIds: [],
  ...place,
});
const staff = {
  admin: member('admin'),
  subdistrict: member('subdistrict', { subdistrictId: 1 }),
  community: member('community', { subdistrictId: 1, communityId: 11 }),
  property: member('property', { propertyCompanyId: 7, compoundIds: [111] }),
  correspondent: member('correspondent', { subdistrictId: 1, communityId: 11 }),
  partner: member('partner', { partnerId: 5 }),
  volunteer: member('volunteer', { compoundIds: [111] }),
};
const at = (subdistrictId: number | null, communityId: number | null, more: Partial<PlaceRef> = {}): PlaceRef => ({
  subdistrictId,
  communityId,
  ...more,
});

const cases: [Action, PlaceRef, string, Record<keyof typeof staff, string>][] = [
  [
    'news.draft',
    at(1, 11),
    'own community',
    {
      admin: 'allow',
      subdistrict: 'allow',
      community: 'allow',
      property: 'hidden',
      correspondent: 'allow',
      partner: 'hidden',
      volunteer: 'hidden',
    },
  ],
  [
    'news.publish',
    at(1, 11),
    'own community',
    {
      admin: 'allow',
      subdistrict: 'allow',
      community: 'allow',
      property: 'hidden',
      correspondent: 'forbidden',
      partner: 'hidden',
      volunteer: 'hidden',
    },
  ],
  [
    'news.publish',
    at(1, 12),
    'neighbour community',
    {
      admin: 'allow',
      subdistrict: 'allow',
      community: 'hidden',
      property: 'hidden',
      correspondent: 'hidden',
      partner: 'hidden',
      volunteer: 'hidden',
    },
  ],
  [
    'news.publish',
    at(2, 21),
    'other sub-district',
    {
      admin: 'allow',
      subdistrict: 'hidden',
      community: 'hidden',
      property: 'hidden',
      correspondent: 'hidden',
      partner: 'hidden',
      volunteer: 'hidden',
    },
  ],
  [
    'news.publish',
    at(null, null),
    'district-wide',
    {
      admin: 'allow',
      subdistrict: 'hidden',
      community: 'hidden',
      property: 'hidden',
      correspondent: 'hidden',
      partner: 'hidden',
      volunteer: 'hidden',
    },
  ],
  [
    'event.manage',
    at(1, 11),
    'own community',
    {
      admin: 'allow',
      subdistrict: 'allow',
      community: 'allow',
      property: 'hidden',
      correspondent: 'forbidden',
      partner: 'hidden',
      volunteer: 'hidden',
    },
  ],
  [
    'ticket.work',
    at(1, 11, { compoundId: 111, owner: 'property' }),
    'property ticket in served compound',
    {
      admin: 'allow',
      subdistrict: 'allow',
      community: 'forbidden',
      property: 'allow',
      correspondent: 'forbidden',
      partner: 'hidden',
      volunteer: 'forbidden',
    },
  ],
  [
    'ticket.read',
    at(1, 11, { compoundId: 111, owner: 'property' }),
    'property ticket in served compound',
    {
      admin: 'allow',
      subdistrict: 'allow',
      community: 'allow',
      property: 'allow',
      correspondent: 'forbidden',
      partner: 'hidden',
      volunteer: 'forbidden',
    },
  ],
  [
    'ticket.work',
    at(1, 11, { compoundId: 111, owner: 'joint' }),
    'joint ticket',
    {
      admin: 'allow',
      subdistrict: 'allow',
      community: 'allow',
      property: 'allow',
      correspondent: 'forbidden',
      partner: 'hidden',
      volunteer: 'forbidden',
    },
  ],
  [
    'ticket.read',
    at(1, 11, { compoundId: 111, owner: 'community' }),
    'community ticket',
    {
      admin: 'allow',
      subdistrict: 'allow',
      community: 'allow',
      property: 'hidden',
      correspondent: 'forbidden',
      partner: 'hidden',
      volunteer: 'forbidden',
    },
  ],
  [
    'ticket.read',
    at(1, 12, { compoundId: 121, owner: 'property' }),
    'ticket in a compound the company does not serve',
    {
      admin: 'allow',
      subdistrict: 'allow',
      community: 'hidden',
      property: 'hidden',
      correspondent: 'hidden',
      partner: 'hidden',
      volunteer: 'hidden',
    },
  ],
  [
    'visit.read',
    at(1, 11, { partnerId: 5 }),
    'visit in own community, assigned to partner 5',
    {
      admin: 'allow',
      subdistrict: 'allow',
      community: 'allow',
      property: 'hidden',
      correspondent: 'forbidden',
      partner: 'allow',
      volunteer: 'hidden',
    },
  ],
  [
    'visit.coordinate',
    at(1, 11, { partnerId: 5 }),
    'visit assigned to partner 5',
    {
      admin: 'allow',
      subdistrict: 'allow',
      community: 'allow',
      property: 'hidden',
      correspondent: 'forbidden',
      partner: 'forbidden',
      volunteer: 'hidden',
    },
  ],
  [
    'visit.serve',
    at(1, 11, { partnerId: 5 }),
    'visit assigned to partner 5',
    {
      admin: 'forbidden',
      subdistrict: 'forbidden',
      community: 'forbidden',
      property: 'hidden',
      correspondent: 'forbidden',
      partner: 'allow',
      volunteer: 'hidden',
    },
  ],
  [
    'visit.serve',
    at(1, 11, { partnerId: 6 }),
    'visit assigned to another partner',
    {
      admin: 'forbidden',
      subdistrict: 'forbidden',
      community: 'forbidden',
      property: 'hidden',
      correspondent: 'forbidden',
      partner: 'hidden',
      volunteer: 'hidden',
    },
  ],
  [
    'visit.read',
    at(1, 11, { partnerId: null }),
    'visit not yet sent to any partner',
    {
      admin: 'allow',
      subdistrict: 'allow',
      community: 'allow',
      property: 'hidden',
      correspondent: 'forbidden',
      partner: 'hidden',
      volunteer: 'hidden',
    },
  ],
  [
    'visit.read',
    at(2, 21, { partnerId: 5 }),
    "partner 5's visit in another sub-district",
    {
      admin: 'allow',
      subdistrict: 'hidden',
      community: 'hidden',
      property: 'hidden',
      correspondent: 'hidden',
      partner: 'allow',
      volunteer: 'hidden',
    },
  ],
  [
    'renovation.manage',
    at(1, 11, { compoundId: 111 }),
    'renovation project in own community (the company serves the compound)',
    {
      admin: 'allow',
      subdistrict: 'allow',
      community: 'allow',
      property: 'forbidden',
      correspondent: 'forbidden',
      partner: 'hidden',
      volunteer: 'forbidden',
    },
  ],
  [
    'renovation.read',
    at(1, 12, { compoundId: 121 }),
    'renovation project in the neighbour community',
    {
      admin: 'allow',
      subdistrict: 'allow',
      community: 'hidden',
      property: 'hidden',
      correspondent: 'hidden',
      partner: 'hidden',
      volunteer: 'hidden',
    },
  ],
  [
    'renovation.manage',
    at(2, 21, { compoundId: 211 }),
    'renovation project in another sub-district',
    {
      admin: 'allow',
      subdistrict: 'hidden',
      community: 'hidden',
      property: 'hidden',
      correspondent: 'hidden',
      partner: 'hidden',
      volunteer: 'hidden',
    },
  ],
  [
    'renovation.volunteers',
    at(1, 11, { compoundId: 111 }),
    'roster of a compound in own community',
    {
      admin: 'allow',
      subdistrict: 'allow',
      community: 'allow',
      property: 'forbidden',
      correspondent: 'forbidden',
      partner: 'hidden',
      volunteer: 'forbidden',
    },
  ],
  [
    'volunteer.record_wish',
    at(1, 11, { compoundId: 111 }),
    "project in the volunteer's compound",
    {
      admin: 'forbidden',
      subdistrict: 'forbidden',
      community: 'forbidden',
      property: 'forbidden',
      correspondent: 'forbidden',
      partner: 'hidden',
      volunteer: 'allow',
    },
  ],
  [
    'volunteer.report_quality',
    at(1, 11, { compoundId: 111 }),
    "plan item in the volunteer's compound",
    {
      admin: 'forbidden',
      subdistrict: 'forbidden',
      community: 'forbidden',
      property: 'forbidden',
      correspondent: 'forbidden',
      partner: 'hidden',
      volunteer: 'allow',
    },
  ],
  [
    'volunteer.report_quality',
    at(1, 11, { compoundId: 112 }),
    'plan item in another compound of the same community',
    {
      admin: 'forbidden',
      subdistrict: 'forbidden',
      community: 'forbidden',
      property: 'hidden',
      correspondent: 'forbidden',
      partner: 'hidden',
      volunteer: 'hidden',
    },
  ],
  [
    'help.read',
    at(1, 11, { compoundId: 111 }),
    'help household in own community',
    {
      admin: 'hidden',
      subdistrict: 'hidden',
      community: 'allow',
      property: 'hidden',
      correspondent: 'hidden',
      partner: 'hidden',
      volunteer: 'hidden',
    },
  ],
  [
    'help.write',
    at(1, 12, { compoundId: 121 }),
    'help household in the neighbour community',
    {
      admin: 'hidden',
      subdistrict: 'hidden',
      community: 'hidden',
      property: 'hidden',
      correspondent: 'hidden',
      partner: 'hidden',
      volunteer: 'hidden',
    },
  ],
];

describe('policy: decide(role, action, place)', () => {
  for (const [action, place, where, expected] of cases) {
    for (const role of Object.keys(staff) as (keyof typeof staff)[]) {
      it(`${role} · ${action} · ${where} → ${expected[role]}`, () => {
        expect(decide(staff[role], action, place)).toBe(expected[role]);
      });
    }
  }

  it('places a sub-district correspondent over all of its communities', () => {
    const reporter = member('correspondent', { subdistrictId: 1 });
    expect(decide(reporter, 'news.draft', at(1, 12))).toBe('allow');
    expect(decide(reporter, 'news.draft', at(2, 21))).toBe('hidden');
  });
});

describe('policy: Open311 keys', () => {
  it('are issued and revoked by the district admin only', () => {
    for (const role of Object.keys(staff) as (keyof typeof staff)[])
      expect([role, roleAllows(staff[role], 'open311.manage')]).toEqual([role, role === 'admin']);
  });
});
