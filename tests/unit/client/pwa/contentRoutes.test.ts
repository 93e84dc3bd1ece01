/*
 * Which requests the service worker answers from the content cache: module files, search
 * indexes and illustrations by one route, a lesson's video and audio by another (which answers
 * byte ranges); a download made to store content by neither.
 */
import { describe, expect, it } from 'vitest';
import { isRecording, isStoredContent } from '../../../../src/client/pwa/contentRoutes';
import { downloadUrl } from '../../../../src/client/content/offline';

const ORIGIN = 'http://localhost';
const RECORDINGS = ['visit.0123456789.mp4', 'visit.0123456789.webm', 'greeting.0123456789.mp3'].map(
  (name) => `/content/media/online-safety/${name}`,
);
const CONTENT = [
  '/content/modules/online-safety/en.json?v=0123456789',
  '/content/search/lv.json?v=0123456789',
  '/content/media/online-safety/scam-sms-en.0123456789.svg',
  '/content/media/online-safety/reading-room.0123456789-960.webp',
  '/content/media/online-safety/visit.en.0123456789.vtt',
];

/** Each matcher as the service worker runs it: rebuilt from its source, which vite.config.ts puts into sw.js. */
const inWorker = (matcher: (options: { url: URL }) => boolean) =>
  new Function(`return (${matcher.toString()})`)() as (options: { url: URL }) => boolean;
const routes = { content: inWorker(isStoredContent), recording: inWorker(isRecording) };
const routesOf = (path: string) =>
  Object.entries(routes)
    .filter(([, matches]) => matches({ url: new URL(path, ORIGIN) }))
    .map(([name]) => name);

describe('the content routes of the service worker', () => {
  it('answers a recording by the route for recordings alone', () => {
    for (const path of RECORDINGS) expect(routesOf(path), path).toEqual(['recording']);
  });

  it('answers module files, search indexes, illustrations and captions by the content route alone', () => {
    for (const path of CONTENT) expect(routesOf(path), path).toEqual(['content']);
  });

  it('leaves a download made to store content, and anything else, to the network', () => {
    for (const path of [...RECORDINGS, ...CONTENT]) expect(routesOf(downloadUrl(path)), downloadUrl(path)).toEqual([]);
    for (const path of ['/', '/content/catalog.json', '/api/modules', '/assets/index.mp4']) expect(routesOf(path), path).toEqual([]);
  });
});
