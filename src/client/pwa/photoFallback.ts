/*
 * A service-worker plugin (workbox `handlerDidError`) for lesson photographs. The app stores one
 * width of each photograph for offline study (the second of its srcset: src/content/raster.ts),
 * but a browser picks the width its screen needs; offline, a width that was never stored is
 * answered with a stored width of the same photograph, so the lesson still shows it.
 * vite.config.ts puts this function's source into the generated service worker, so it names
 * nothing outside itself.
 */
export async function storedPhotoWidth({ request }: { request: Request }): Promise<Response | undefined> {
  const photo = /^(.+\.[0-9a-f]{10}-)\d+\.webp$/.exec(new URL(request.url).pathname);
  if (!photo?.[1] || typeof caches === 'undefined') return undefined;
  const cache = await caches.open('biblio-content');
  for (const key of await cache.keys()) if (new URL(key.url).pathname.startsWith(photo[1])) return cache.match(key);
  return undefined;
}
