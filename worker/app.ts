import { Hono } from 'hono';
import { requireStaff, sameOriginWrites } from './auth/middleware.ts';
import { notFound, onError } from './lib/errors.ts';
import type { AppEnv, Platform } from './lib/platform.ts';
import { hardening } from './lib/security.ts';
import { audit } from './routes/audit.ts';
import { boardRoutes, ticketPhotoRoutes } from './routes/board.ts';
import { deskCategories } from './routes/desk/categories.ts';
import { deskStats } from './routes/desk/stats.ts';
import { deskSupervision } from './routes/desk/supervision.ts';
import { deskTickets } from './routes/desk/tickets.ts';
import { eventFeeds } from './routes/event-feeds.ts';
import { eventRoutes, organiserRoutes } from './routes/events/index.ts';
import { newsFeeds } from './routes/news-feeds.ts';
import { newsRoutes } from './routes/news.ts';
import { newsroomRoutes } from './routes/newsroom.ts';
import { photoRoutes } from './routes/photos.ts';
import { publicPages } from './routes/public-pages.ts';
import { ticketRoutes } from './routes/tickets.ts';
import { auth } from './routes/auth.ts';
import { health } from './routes/health.ts';
import { places } from './routes/places.ts';
import { staffRoutes } from './routes/staff.ts';

/** The staff side of the joint desk: every route needs a signed-in staff member. */
function deskRoutes() {
  return new Hono<AppEnv>()
    .use(requireStaff)
    .route('/tickets', deskTickets)
    .route('/', deskSupervision)
    .route('/', deskStats)
    .route('/', deskCategories);
}

/** The API's routes, chained so `AppType` carries every endpoint to the typed web client. */
function apiRoutes() {
  return new Hono<AppEnv>()
    .route('/health', health)
    .route('/places', places)
    .route('/auth', auth)
    .route('/staff', staffRoutes)
    .route('/audit', audit)
    .route('/tickets', ticketRoutes)
    .route('/tickets', ticketPhotoRoutes)
    .route('/board', boardRoutes)
    .route('/photos', photoRoutes)
    .route('/events', eventRoutes)
    .route('/organiser/events', organiserRoutes)
    .route('/news', newsRoutes)
    .route('/newsroom', newsroomRoutes)
    .route('/desk', deskRoutes());
}

/**
 * Builds the Linli app over the services an entry provides. The same app runs on Workers and Node.
 * @example const app = createApp(testPlatform((await openDatabase('file:data/linli.db')).db))
 */
export function createApp(platform: Platform) {
  const app = new Hono<AppEnv>()
    .use(hardening({ isHttps: (req) => req.url.startsWith('https:') || (!!platform.trustProxy && req.headers.get('x-forwarded-proto') === 'https') }))
    .use(async (c, next) => {
      c.set('platform', platform);
      c.set('db', platform.db);
      await next();
    })
    .use('/api/*', sameOriginWrites)
    .route('/api', apiRoutes())
    .route('/feeds', newsFeeds)
    .route('/feeds', eventFeeds)
    .route('/', publicPages);
  app.onError(onError);
  // Anything under /api that no route took is a JSON 404, never the web app's HTML.
  app.all('/api/*', notFound);
  app.notFound(notFound);
  return app;
}

export type AppType = ReturnType<typeof apiRoutes>;
