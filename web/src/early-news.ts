/**
 * Runs on /news just before the app (news.html lists it first; no imports): it asks
 * the browser for the news the page will show now, while the app's code is still on its
 * way. The app's own fetch() of the same URL then takes this answer instead of starting after
 * the code has run. It must ask exactly what the route's preload asks (same URL, same
 * credentials mode), or the browser would fetch twice; a browser test counts the requests.
 * Which place: the one the address names, else the resident's community widened to the scope
 * last chosen on /news (lib/scope.ts `placeQuery`).
 */
try {
  const search = new URLSearchParams(location.search);
  const read = (key: string) => JSON.parse(localStorage.getItem(key) ?? 'null') as unknown;
  const place = read('linli.place') as { community?: unknown; subdistrict?: unknown } | null;
  const scope = read('linli.scope.news');
  const query = new URLSearchParams();
  if (search.get('district') === '1') query.set('district', '1');
  else if (search.get('subdistrict')) query.set('subdistrict', search.get('subdistrict')!);
  else if (place && typeof place.community === 'string' && typeof place.subdistrict === 'string') {
    if (scope === 'district') query.set('district', '1');
    else if (scope === 'subdistrict') query.set('subdistrict', place.subdistrict);
    else query.set('community', place.community);
  }
  if ([...query.keys()].length > 0) {
    // The order and the skipped empties are the typed client's (see pages/news/queries.ts).
    for (const name of ['column', 'q']) {
      const value = search.get(name);
      if (value) query.set(name, value);
    }
    const link = document.createElement('link');
    link.rel = 'preload';
    link.as = 'fetch';
    link.crossOrigin = 'anonymous';
    link.href = `/api/news?${query}`;
    document.head.appendChild(link);
  }
} catch {
  // No storage or a damaged value: the app fetches on its own.
}
