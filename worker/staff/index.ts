import { Hono } from '#hono';
import type { AppEnv } from '../lib/platform.ts';
import { staffRoutes } from './accounts-routes.ts';
import { audit } from './audit-routes.ts';
import { auth } from './auth-routes.ts';

/** Staff under /api: signing in and out (/auth), accounts (/staff) and the audit log (/audit). */
export const staffApi = new Hono<AppEnv>().route('/auth', auth).route('/staff', staffRoutes).route('/audit', audit);
