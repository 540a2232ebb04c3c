import { Hono } from '#hono';
import type { AppEnv } from '../lib/platform.ts';
import { requireStaff } from '../staff/middleware.ts';
import { doorRoutes } from './door-routes.ts';
import { eventFeeds } from './feeds-routes.ts';
import { organiserEvents } from './organiser-routes.ts';
import { eventPages } from './pages-routes.ts';
import { residentEvents } from './residents-routes.ts';
import { signupRoutes } from './signups-routes.ts';
import { eventStaffExports } from './staff-export-routes.ts';

/**
 * Events under /api: residents read events and sign up at /events, no account needed; organisers
 * (signed-in staff) run them and their door list at /organiser/events.
 */
export const eventsApi = new Hono<AppEnv>()
  .route(
    '/events',
    new Hono<AppEnv>().route('/', eventStaffExports).route('/', residentEvents).route('/', signupRoutes),
  )
  .route('/organiser/events', new Hono<AppEnv>().use(requireStaff).route('/', organiserEvents).route('/', doorRoutes));

/** Outside the API: calendar feeds under /feeds, and event pages with share cards. */
export { eventFeeds, eventPages };
