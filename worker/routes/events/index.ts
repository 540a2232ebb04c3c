import { Hono } from 'hono';
import { requireStaff } from '../../auth/middleware.ts';
import type { AppEnv } from '../../lib/platform.ts';
import { doorRoutes } from './door.ts';
import { organiserEvents } from './organiser.ts';
import { residentEvents } from './residents.ts';
import { signupRoutes } from './signups.ts';

/** /api/events: what residents read and their sign-ups, no account needed. */
export const eventRoutes = new Hono<AppEnv>().route('/', residentEvents).route('/', signupRoutes);

/** /api/organiser/events: the organisers' side; every route needs a signed-in staff member. */
export const organiserRoutes = new Hono<AppEnv>().use(requireStaff).route('/', organiserEvents).route('/', doorRoutes);
