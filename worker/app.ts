/**
 * The Linli app: one router per feature, mounted in one chain.
 *
 * The rule that keeps it easy to change: route handlers validate, authorise and call; SQL lives in
 * the feature's own modules (worker/<feature>/*.ts beside its *-routes.ts), and a rule used by two
 * features has one name in worker/lib/.
 */
import { Hono } from '#hono';
import { calendarApi } from './calendar/calendar-routes.ts';
import { deskApi } from './desk/index.ts';
import { eventFeeds, eventPages, eventsApi } from './events/index.ts';
import { helpApi } from './help/index.ts';
import { homeVisitsApi } from './home-visits/index.ts';
import { onError } from './lib/errors.ts';
import { health } from './lib/health-routes.ts';
import { unmatched } from './lib/methods.ts';
import { photoRoutes } from './lib/photos-routes.ts';
import type { AppEnv, Platform } from './lib/platform.ts';
import { hardening } from './lib/security.ts';
import { kickAfterWrites } from './messages/kick.ts';
import { messagesApi } from './messages/routes.ts';
import { newsApi, newsPages } from './news/index.ts';
import { open311Keys } from './open311/keys-routes.ts';
import { open311 } from './open311/routes.ts';
import { places } from './places/places-routes.ts';
import { renovationApi, renovationPages } from './renovation/index.ts';
import { robotsApi } from './robots/index.ts';
import { staffApi } from './staff/index.ts';
import { sameOriginWrites } from './staff/middleware.ts';

/** The API's routes, chained so `AppType` carries every endpoint to the typed web client. */
function apiRoutes() {
  return new Hono<AppEnv>()
    .route('/health', health)
    .route('/places', places)
    .route('/calendar', calendarApi)
    .route('/photos', photoRoutes)
    .route('/', staffApi)
    .route('/', deskApi)
    .route('/', eventsApi)
    .route('/', homeVisitsApi)
    .route('/', newsApi)
    .route('/', renovationApi)
    .route('/', helpApi)
    .route('/', robotsApi)
    .route('/open311', open311Keys)
    .route('/messages', messagesApi);
}

/**
 * Builds the Linli app over the services an entry provides. The same app runs on Workers and Node.
 * @example const app = createApp(testPlatform((await openDatabase('file:data/linli.db')).db))
 */
export function createApp(platform: Platform) {
  const app = new Hono<AppEnv>()
    .use(
      hardening({
        isHttps: (req) =>
          req.url.startsWith('https:') || (!!platform.trustProxy && req.headers.get('x-forwarded-proto') === 'https'),
      }),
    )
    .use(async (c, next) => {
      c.set('platform', platform);
      c.set('db', platform.db);
      await next();
    })
    .use('/api/*', sameOriginWrites)
    .use('/api/*', kickAfterWrites)
    .route('/api', apiRoutes())
    .route('/open311/v2', open311)
    .route('/feeds', eventFeeds)
    .route('/', eventPages)
    .route('/', newsPages)
    .route('/', renovationPages);
  app.onError(onError);
  // Anything under /api that no route took is a JSON 404 (or 405), never the web app's HTML.
  app.all('/api/*', unmatched(app));
  app.notFound(unmatched(app));
  return app;
}

export type AppType = ReturnType<typeof apiRoutes>;
