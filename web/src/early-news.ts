/**
 * Runs on /news just before the app (news.html lists it first; no imports): it asks
 * the browser for the resident's community's news now, while the app's code is still on its
 * way. The app's own fetch() of the same URL then takes this answer instead of starting after
 * the code has run. It must ask exactly what the route's preload asks (same URL, same
 * credentials mode), or the browser would fetch twice; a browser test counts the requests.
 */
try {
  const place = JSON.parse(localStorage.getItem('linli.place') ?? 'null') as { community?: unknown } | null;
  if (place && typeof place.community === 'string') {
    const search = new URLSearchParams(location.search);
    const query = new URLSearchParams({ community: place.community });
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
