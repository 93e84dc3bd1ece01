/* Background Sync for Biblio Study, imported by the generated service worker. When the
 * browser fires the `biblio-sync` sync event (the connection is back), every open window
 * of the app is told to sync; the app's own sync engine does the work. */
self.addEventListener('sync', (event) => {
  if (event.tag !== 'biblio-sync') return;
  event.waitUntil(
    self.clients.matchAll({ type: 'window', includeUncontrolled: true }).then((clients) => {
      for (const client of clients) client.postMessage({ type: 'biblio-sync' });
    }),
  );
});
