import { Hono } from '#hono';
import type { AppEnv } from '../lib/platform.ts';
import { limitBody } from '../lib/security.ts';
import { validate } from '../lib/validate.ts';
import { requireStaff } from '../staff/middleware.ts';
import { authorizeRole } from '../staff/policy.ts';
import { newPartnerSchema } from './input.ts';
import { renovationMeetings } from './meeting-routes.ts';
import { renovationPages } from './pages-routes.ts';
import { addPartner, renovationPartners } from './partners.ts';
import { renovationRoutes } from './resident-routes.ts';
import { renovationStaff } from './staff-routes.ts';
import { volunteerSide, volunteersStaff } from './volunteer-routes.ts';
import { wishesExport } from './wishes-export-routes.ts';

/** Contractors and supervisors, for the project form. */
const partnerRoutes = new Hono<AppEnv>()
  .get('/', async (c) => {
    authorizeRole(c.var.staff, 'renovation.read');
    c.header('Cache-Control', 'no-store');
    return c.json({ partners: await renovationPartners(c.var.db) }, 200);
  })
  .post('/', limitBody(), validate('json', newPartnerSchema), async (c) => {
    authorizeRole(c.var.staff, 'renovation.manage');
    const partner = await addPartner(c.var.db, c.var.staff, c.req.valid('json'), c.var.platform.now());
    return c.json({ partner }, 201);
  });

/** The staff side at /renovation/staff: every route needs a signed-in staff member. */
const staffSide = new Hono<AppEnv>()
  .use(requireStaff)
  // Before the staff routes' /wishes/:number, which would take `export` for a wish's number.
  .route('/', wishesExport)
  .route('/', renovationStaff)
  .route('/', renovationMeetings)
  .route('/', volunteersStaff)
  .route('/partners', partnerRoutes);

/**
 * Courtyard renovation under /api/renovation: residents read projects and file and follow wishes
 * without an account; staff run projects, answers, joint meetings and the roster of volunteers at
 * /renovation/staff; signed-in volunteers record for neighbours at /renovation/volunteer.
 */
export const renovationApi = new Hono<AppEnv>()
  .route('/renovation/staff', staffSide)
  .route('/renovation/volunteer', new Hono<AppEnv>().use(requireStaff).route('/', volunteerSide))
  .route('/renovation', renovationRoutes);

export { renovationPages };
