import { Hono } from '#hono';
import type { AppEnv } from '../lib/platform.ts';
import { newsFeeds } from './feeds-routes.ts';
import { newsroomRoutes } from './newsroom-routes.ts';
import { publicPages } from './pages-routes.ts';
import { newsRoutes } from './reader-routes.ts';

/** News under /api: residents read at /news; correspondents and publishers work at /newsroom. */
export const newsApi = new Hono<AppEnv>().route('/news', newsRoutes).route('/newsroom', newsroomRoutes);

/** Outside the API: feeds under /feeds, and article pages with share cards and news photos at the root. */
export const newsPages = new Hono<AppEnv>().route('/feeds', newsFeeds).route('/', publicPages);
