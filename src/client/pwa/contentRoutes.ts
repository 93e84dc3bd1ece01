/*
 * Which requests the service worker answers from the `biblio-content` cache, which the app
 * writes (src/client/content/offline.ts). vite.config.ts puts these functions' source into the
 * generated service worker, so each names nothing outside itself. A download made to store
 * content (`?store=1`) matches neither: it goes to the network, and the page writes the copy.
 */

/** Module files, search indexes, illustrations and captions: answered from the device first. */
export const isStoredContent = ({ url }: { url: URL }): boolean =>
  !url.searchParams.has('store') &&
  !/\.(?:mp4|webm|mp3)$/.test(url.pathname) &&
  ['/content/modules/', '/content/search/', '/content/media/'].some((path) => url.pathname.startsWith(path));

/**
 * A lesson's video or audio. The browser asks for a byte range of it (`Range:`) to play it and
 * to seek, so one the learner stored is answered with that range of the stored whole file, and
 * one not stored goes to the server, which answers ranges itself.
 */
export const isRecording = ({ url }: { url: URL }): boolean =>
  !url.searchParams.has('store') && url.pathname.startsWith('/content/media/') && /\.(?:mp4|webm|mp3)$/.test(url.pathname);

/**
 * A workbox plugin for recordings: the service worker never stores one. Only the learner's
 * request on the module page does, through the page, as a whole 200 file; a file the browser
 * fetched whole while online is not kept unasked (it may be 15 MB), and a part (206) cannot be.
 */
export const neverStoreRecording = { cacheWillUpdate: async () => null };
