import type { RoutePreloadFunc } from '@solidjs/router';
import { getEvent, getEvents } from './lib/events.ts';
import { getPlaces } from './lib/places.ts';
import { prefs } from './lib/prefs.ts';
import { placeQuery, type ScopedPage } from './lib/scope.ts';
import { getCategories } from './pages/desk/categories.ts';
import { getBoard, getTracking } from './pages/desk/queries.ts';
import { getVisitServices } from './pages/home-visits/queries.ts';
import { getArticle, getNews } from './pages/news/queries.ts';
import { getProject, getProjects } from './pages/renovation/queries.ts';

/**
 * Route preloads: the router calls them while it fetches the page's chunk, so the data is on
 * its way before the page's code arrives (and when a finger rests on a link). Each asks its
 * query with exactly the arguments the page will, so the page finds the answer in the cache.
 * Pages for the resident's community also need the place tree; both start at once instead of
 * the list waiting for the tree.
 */
const one = (value: string | string[] | undefined) => (typeof value === 'string' ? value : undefined);

/** The chosen community, with the place tree asked for alongside. */
function community(): string | undefined {
  void getPlaces();
  return prefs.place()?.community;
}

/** The place a scoped page will show: the address's, else the chosen community widened as remembered. */
function scopedPlace(page: ScopedPage, query: Record<string, string | string[] | undefined>) {
  void getPlaces();
  return placeQuery({ subdistrict: one(query.subdistrict), district: one(query.district) }, page, prefs.place());
}

export const preloadHome: RoutePreloadFunc = () => {
  const slug = community();
  if (slug) {
    void getNews({ community: slug });
    void getEvents({ community: slug }, 'upcoming');
    void getProjects(slug);
    void getVisitServices(slug);
  }
};

export const preloadNews: RoutePreloadFunc = ({ location }) => {
  const where = scopedPlace('news', location.query);
  if (where) void getNews({ ...where, column: one(location.query.column), q: one(location.query.q) });
};

export const preloadArticle: RoutePreloadFunc = ({ params }) => void getArticle(params.id!);

export const preloadEvents: RoutePreloadFunc = ({ location }) => {
  const where = scopedPlace('events', location.query);
  if (where) void getEvents(where, location.query.when === 'past' ? 'past' : 'upcoming');
};

export const preloadBoard: RoutePreloadFunc = ({ location }) => {
  const where = scopedPlace('board', location.query);
  if (where) void getBoard(where);
};

export const preloadDesk: RoutePreloadFunc = () => {
  const slug = community();
  if (slug) void getCategories(slug);
};

export const preloadTracking: RoutePreloadFunc = ({ params, location }) =>
  void getTracking(params.number!, one(location.query.token) ?? '');

export const preloadEvent: RoutePreloadFunc = ({ params }) => void getEvent(params.id!);

export const preloadProject: RoutePreloadFunc = ({ params }) => void getProject(params.id!);

export const preloadHomeVisits: RoutePreloadFunc = () => {
  const slug = community();
  if (slug) void getVisitServices(slug);
};
