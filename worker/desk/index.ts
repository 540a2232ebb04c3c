import { Hono } from '#hono';
import { homeVisitExport } from '../home-visits/export-routes.ts';
import { homeVisitDesk } from '../home-visits/staff-routes.ts';
import type { AppEnv } from '../lib/platform.ts';
import { requireStaff } from '../staff/middleware.ts';
import { boardRoutes, ticketPhotoRoutes } from './board-routes.ts';
import { deskCategories } from './categories-routes.ts';
import { deskClock } from './clock-routes.ts';
import { deskExport } from './export-routes.ts';
import { boardFigureRoutes } from './figures-routes.ts';
import { deskParts } from './parts-routes.ts';
import { deskRates } from './rates-routes.ts';
import { deskTickets } from './staff-routes.ts';
import { deskStats } from './stats-routes.ts';
import { deskSupervision } from './supervision-routes.ts';
import { ticketRoutes } from './tickets-routes.ts';

/** The staff side at /desk: every route needs a signed-in staff member. */
const staffDesk = new Hono<AppEnv>()
  .use(requireStaff)
  .route('/tickets', deskTickets)
  .route('/tickets', deskParts)
  .route('/', deskSupervision)
  .route('/', deskStats)
  .route('/', deskRates)
  .route('/', deskExport)
  .route('/', deskCategories)
  .route('/', deskClock)
  // Before the desk's /:number, which would take `export` for a visit's number.
  .route('/home-visits', homeVisitExport)
  .route('/home-visits', homeVisitDesk);

/**
 * The joint desk under /api: residents file and follow tickets (/tickets) and say "me too" on
 * their community's board (/board) without an account; staff work the queue at /desk, home
 * visits included (/desk/home-visits, partner staff too).
 */
export const deskApi = new Hono<AppEnv>()
  .route('/tickets', ticketRoutes)
  .route('/tickets', ticketPhotoRoutes)
  .route('/board', boardRoutes)
  .route('/board', boardFigureRoutes)
  .route('/desk', staffDesk);
