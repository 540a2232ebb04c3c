import type { Role } from '../../schema/index.ts';
import { ApiError, type ErrorCode } from '../lib/errors.ts';

/** The signed-in staff member and the places their role covers, as the middleware loads it. */
export type StaffMember = {
  id: number;
  login: string;
  displayName: string;
  role: Role;
  subdistrictId: number | null;
  communityId: number | null;
  propertyCompanyId: number | null;
  /** The partner organisation (partner role only). */
  partnerId: number | null;
  /** Compounds served by the staff member's property company (property role), or a volunteer's own compound. */
  compoundIds: number[];
};

/** Where an object belongs. District-wide objects have neither sub-district nor community. */
export type PlaceRef = {
  subdistrictId: number | null;
  communityId: number | null;
  compoundId?: number | null;
  propertyCompanyId?: number | null;
  /** For home visits: the partner organisation the visit is assigned to. */
  partnerId?: number | null;
  /** For tickets: who owns the work. */
  owner?: 'community' | 'property' | 'joint';
};

export type Action =
  | 'staff.read'
  | 'staff.manage'
  | 'audit.read'
  | 'news.draft'
  | 'news.publish'
  | 'event.manage'
  | 'ticket.read'
  | 'ticket.work'
  | 'ticket.supervise'
  | 'category.manage'
  | 'stats.read'
  | 'renovation.read'
  | 'renovation.manage'
  | 'visit.read'
  | 'visit.coordinate'
  | 'visit.serve'
  | 'renovation.volunteers'
  | 'volunteer.record_wish'
  | 'volunteer.report_quality'
  | 'help.read'
  | 'help.write'
  | 'calendar.manage'
  | 'robots.manage'
  | 'open311.manage'
  | 'desk.export'
  | 'visit.export'
  | 'renovation.export'
  | 'event.export'
  | 'messages.view'
  | 'messages.manage';

const allowedRoles: Record<Action, readonly Role[]> = {
  'staff.read': ['admin', 'subdistrict', 'community'],
  'staff.manage': ['admin'],
  'audit.read': ['admin'],
  'news.draft': ['admin', 'subdistrict', 'community', 'correspondent'],
  'news.publish': ['admin', 'subdistrict', 'community'],
  'event.manage': ['admin', 'subdistrict', 'community'],
  'ticket.read': ['admin', 'subdistrict', 'community', 'property'],
  'ticket.work': ['admin', 'subdistrict', 'community', 'property'],
  'ticket.supervise': ['admin', 'subdistrict'],
  'category.manage': ['admin', 'subdistrict', 'community'],
  // Figures are per community; property staff work tickets but do not see a community whole.
  'stats.read': ['admin', 'subdistrict', 'community'],
  // Courtyard renovation: the community and the sub-district run a project's consultation.
  'renovation.read': ['admin', 'subdistrict', 'community'],
  'renovation.manage': ['admin', 'subdistrict', 'community'],
  // Home visits: the community reviews, sends and follows them; the partner it is sent to serves it.
  'visit.read': ['admin', 'subdistrict', 'community', 'partner'],
  'visit.coordinate': ['admin', 'subdistrict', 'community'],
  'visit.serve': ['partner'],
  // The roster of 四大员: the community and the sub-district that run the consultation keep it.
  'renovation.volunteers': ['admin', 'subdistrict', 'community'],
  // A volunteer's sign-in does these two things in their own compound, and nothing else.
  'volunteer.record_wish': ['volunteer'],
  'volunteer.report_quality': ['volunteer'],
  // Neighbourly help is the community's own care: not the sub-district's, not the district admin's.
  'help.read': ['community'],
  'help.write': ['community'],
  // The working calendar is the district's: one for every clock of every community.
  'calendar.manage': ['admin'],
  // The group robots that tell a team about its work: set up by the district and its sub-districts.
  'robots.manage': ['admin', 'subdistrict'],
  // Partner apps' Open311 keys open the desk to other systems: the district decides who gets one.
  'open311.manage': ['admin'],
  // Exports: whoever reads a list may take it away, within the same place (and every export is audited).
  'desk.export': ['admin', 'subdistrict', 'community', 'property'],
  'visit.export': ['admin', 'subdistrict', 'community', 'partner'],
  'renovation.export': ['admin', 'subdistrict', 'community'],
  'event.export': ['admin', 'subdistrict', 'community'],
  // The outbox holds residents' phones for the whole district: the district admin's alone.
  'messages.view': ['admin'],
  'messages.manage': ['admin'],
};

export type ExportAction = 'desk.export' | 'visit.export' | 'renovation.export' | 'event.export';

/**
 * Who gets names, phones and addresses in an export: the roles whose staff views show them for
 * every row. A partner sees a person's details only while a visit is its own (and a few days
 * after), so its exports carry the visits without them.
 */
const personalInExports: Record<ExportAction, readonly Role[]> = {
  'desk.export': ['admin', 'subdistrict', 'community', 'property'],
  'visit.export': ['admin', 'subdistrict', 'community'],
  'renovation.export': ['admin', 'subdistrict', 'community'],
  'event.export': ['admin', 'subdistrict', 'community'],
};

/**
 * Whether an export by this staff member carries personal data (names, phones, addresses).
 * @example exportsPersonal(partnerStaff, 'visit.export') // → false
 */
export const exportsPersonal = (staff: StaffMember, action: ExportAction) =>
  personalInExports[action].includes(staff.role);

/** Actions on objects whose very existence only the allowed roles may know: anyone else gets a 404. */
const privateActions: ReadonlySet<Action> = new Set(['help.read', 'help.write']);

/** Whether the role may ever do this, wherever the object is. */
export function roleAllows(staff: StaffMember, action: Action): boolean {
  return allowedRoles[action].includes(staff.role);
}

/**
 * What the role may ever do, one answer per action, so the web shows only what the server allows.
 * @example abilities(staff)['news.publish'] // → false for a correspondent
 */
export function abilities(staff: StaffMember): Record<Action, boolean> {
  return Object.fromEntries(
    (Object.keys(allowedRoles) as Action[]).map((action) => [action, roleAllows(staff, action)]),
  ) as Record<Action, boolean>;
}

/** Whether the object lies in the staff member's place, i.e. whether they may know it exists. */
export function seesPlace(staff: StaffMember, object: PlaceRef): boolean {
  switch (staff.role) {
    case 'admin':
      return true;
    case 'subdistrict':
      return object.subdistrictId === staff.subdistrictId;
    case 'community':
      return object.communityId !== null && object.communityId === staff.communityId;
    case 'property':
      if (object.owner === 'community') return false;
      return (
        (object.compoundId != null && staff.compoundIds.includes(object.compoundId)) ||
        (object.propertyCompanyId != null && object.propertyCompanyId === staff.propertyCompanyId)
      );
    case 'correspondent':
      return staff.communityId !== null
        ? object.communityId === staff.communityId
        : object.subdistrictId === staff.subdistrictId;
    case 'partner':
      // A partner organisation's place is itself: what is assigned to it, nothing else.
      return object.partnerId != null && object.partnerId === staff.partnerId;
    case 'volunteer':
      return object.compoundId != null && staff.compoundIds.includes(object.compoundId);
  }
}

/** Community staff read every ticket of their community but work only community and joint ones. */
function ownerAllows(staff: StaffMember, action: Action, object: PlaceRef): boolean {
  if (action !== 'ticket.work' || !object.owner) return true;
  if (staff.role === 'community') return object.owner !== 'property';
  if (staff.role === 'property') return object.owner !== 'community';
  return true;
}

/** What a hidden object is called in its 404 code (`ticket` → `ticket_not_found`). */
type NotFoundOf<C> = C extends `${infer O}_not_found` ? O : never;
export type ObjectType = NotFoundOf<ErrorCode>;

export type Decision = 'allow' | 'forbidden' | 'hidden';

/**
 * The one answer to "may this staff member do this to this object": allowed; forbidden (403,
 * they may see it but not do this); or hidden (404, it is outside their place, or private to
 * other roles, so its existence is not revealed).
 */
export function decide(staff: StaffMember, action: Action, object: PlaceRef): Decision {
  if (!seesPlace(staff, object) || (privateActions.has(action) && !roleAllows(staff, action))) return 'hidden';
  return roleAllows(staff, action) && ownerAllows(staff, action, object) ? 'allow' : 'forbidden';
}

/**
 * Throws the matching HTTP error unless the staff member may do this to the object.
 * @example authorize(c.var.staff, 'staff.manage', placeOf(target), 'staff')
 */
export function authorize(staff: StaffMember, action: Action, object: PlaceRef, objectType: ObjectType): void {
  const decision = decide(staff, action, object);
  if (decision === 'hidden')
    throw new ApiError(404, `${objectType}_not_found` as ErrorCode, `No such ${objectType.replaceAll('_', ' ')}.`);
  if (decision === 'forbidden') throw new ApiError(403, 'forbidden', `Your role may not do ${action} here.`);
}

/** For actions on a collection (no single object): 403 unless the role allows it at all. */
export function authorizeRole(staff: StaffMember, action: Action): void {
  if (!roleAllows(staff, action)) throw new ApiError(403, 'forbidden', `Your role may not do ${action}.`);
}
