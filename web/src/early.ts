/**
 * Runs before the app on every page (the page shells list it first; no imports): it asks the
 * browser for the answer the page will show first, while the app's code is still on its way.
 * The app's own fetch() of the same URL then takes this answer instead of starting after the
 * code has run. Each URL must be exactly what the route's preload asks (same words in the same
 * order, same credentials mode), or the browser would fetch twice; a browser test counts the
 * requests. Lists follow the place the address names, else the resident's community widened to
 * the scope last chosen on that page (lib/scope.ts `placeQuery`).
 */
try {
  const search = new URLSearchParams(location.search);
  const read = (key: string) => JSON.parse(localStorage.getItem(key) ?? 'null') as unknown;
  const place = read('linli.place') as { community?: unknown; subdistrict?: unknown } | null;
  const community = place && typeof place.community === 'string' ? place.community : undefined;
  const subdistrict = place && typeof place.subdistrict === 'string' ? place.subdistrict : undefined;
  /** The place words of a scoped list, in the typed client's order; none when nothing says. */
  const scoped = (page: string) => {
    const query = new URLSearchParams();
    if (search.get('district') === '1') query.set('district', '1');
    else if (search.get('subdistrict')) query.set('subdistrict', search.get('subdistrict')!);
    else if (community && subdistrict) {
      const scope = read(`linli.scope.${page}`);
      if (scope === 'district') query.set('district', '1');
      else if (scope === 'subdistrict') query.set('subdistrict', subdistrict);
      else query.set('community', community);
    }
    return [...query.keys()].length > 0 ? query : undefined;
  };
  const path = location.pathname;
  let url: string | undefined;
  if (path === '/news') {
    const query = scoped('news');
    // The order and the skipped empties are the typed client's (see pages/news/queries.ts).
    for (const name of ['column', 'q']) if (query && search.get(name)) query.set(name, search.get(name)!);
    url = query && `/api/news?${query}`;
  } else if (path === '/events') {
    const query = scoped('events');
    query?.set('when', search.get('when') === 'past' ? 'past' : 'upcoming');
    url = query && `/api/events?${query}`;
  } else if (path === '/desk') url = community && `/api/tickets/categories?${new URLSearchParams({ community })}`;
  else if (path === '/home-visits')
    url = community && `/api/home-visits/services?${new URLSearchParams({ community })}`;
  else if (/^\/(renovation|events)\/\d+$/.test(path))
    url = `/api${path.replace('/renovation/', '/renovation/projects/')}`;
  else if (/^\/desk\/t\/[^/]+$/.test(path) && search.get('token'))
    url = `/api/tickets/${path.slice('/desk/t/'.length)}?${new URLSearchParams({ token: search.get('token')! })}`;
  if (url) {
    const link = document.createElement('link');
    link.rel = 'preload';
    link.as = 'fetch';
    link.crossOrigin = 'anonymous';
    link.href = url;
    document.head.appendChild(link);
  }
} catch {
  // No storage or a damaged value: the app fetches on its own.
}
