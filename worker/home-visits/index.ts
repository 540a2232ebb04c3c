import { Hono } from '#hono';
import type { AppEnv } from '../lib/platform.ts';
import { homeVisitRoutes } from './resident-routes.ts';

/**
 * Home visits under /api: residents ask for one and follow it at /home-visits without an account;
 * community and partner staff work them at /desk/home-visits (mounted with the desk, behind its sign-in).
 */
export const homeVisitsApi = new Hono<AppEnv>().route('/home-visits', homeVisitRoutes);
