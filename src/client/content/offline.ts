/*
 * Course content on the device. The service worker precaches the app and the catalogue;
 * module files and search indexes live in the `biblio-content` cache, by revisioned URL
 * (`?v=<hash>`), which the service worker answers from first. When the app starts online,
 * it stores every module in the learner's content language (and English, the fallback)
 * plus that language's search index, so studying works offline without downloading all
 * four languages to a cheap phone. A module's illustrations (content-hashed SVGs, one width of
 * each photograph, captions) are stored with it; its video and audio only when the learner asks
 * for them on the module page, and they stay until removed there. Other languages can be stored per module. A newer catalogue (an import on the
 * server, catalog.ts) starts another run once the current one ends, which stores the new
 * revisions; copies of older revisions are deleted once the new ones are stored.
 */
import { useEffect, useState } from 'react';
import { contentPaths, type Catalog } from '../../shared/content/compiled';
import { nextIdle } from './idle';
import { inTime } from './inTime';
import type { ContentLocale } from '../../shared/content/locales';

export const CONTENT_CACHE = 'biblio-content';
/** Marks a download made to store content (see `downloadUrl`); vite.config.ts names it too. */
export const DOWNLOAD_PARAM = 'store';

const hasCaches = () => typeof caches !== 'undefined';

function moduleUrls(catalog: Catalog, moduleId: string, locale: ContentLocale): string[] {
  const module = catalog.modules.find((m) => m.id === moduleId);
  if (!module) return [];
  return [
    ...new Set([
      contentPaths.module(moduleId, locale, module.revisions[locale]),
      contentPaths.module(moduleId, 'en', module.revisions.en),
      ...module.media[locale],
      ...module.media.en,
    ]),
  ];
}

async function isCached(url: string): Promise<boolean> {
  return (await caches.match(url)) !== undefined;
}

/** Whether the module's content in this language (and English, its fallback) is stored on the device. */
export async function isModuleOffline(catalog: Catalog, moduleId: string, locale: ContentLocale): Promise<boolean> {
  if (!hasCaches()) return false;
  const urls = moduleUrls(catalog, moduleId, locale);
  return urls.length > 0 && (await Promise.all(urls.map(isCached))).every(Boolean);
}

/** A cache operation that has not answered in this time is given up (and the run retried): Chromium has been seen to leave `caches.open` pending for good. */
const CACHE_STEP_MS = 10_000;
/** A download that has not finished in this time is aborted (a stalled rural connection), and the run retried. */
const FETCH_MS = 60_000;

/**
 * The address a download is fetched from: the stored URL plus `store=1`, which the service
 * worker leaves to the network. The page alone writes the copy into the cache; the service
 * worker only reads it when a lesson is opened. With the worker in the download path, both
 * wrote each file into the same cache and a fresh Chromium was seen to leave such a download
 * pending for good.
 */
export function downloadUrl(url: string): string {
  return `${url}${url.includes('?') ? '&' : '?'}${DOWNLOAD_PARAM}=1`;
}

/**
 * Store what is not stored yet, one file at a time. Every download ends here, one way or
 * another: it is aborted once its step is over, done or failed, and a refused answer's body
 * is cancelled. A response body left open keeps its connection busy, and Chromium gives a
 * host six: a few given-up writes used to leave the next run (and the app's own requests)
 * queued behind connections nobody reads, so storing stopped at the same file on every retry.
 */
async function store(urls: string[]): Promise<void> {
  const cache = await inTime(caches.open(CONTENT_CACHE), CACHE_STEP_MS, 'Opening the content cache');
  for (const url of urls) {
    if (await inTime(cache.match(url), CACHE_STEP_MS, 'Looking in the content cache')) continue;
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), FETCH_MS);
    try {
      const response = await fetch(downloadUrl(url), { signal: controller.signal });
      if (!response.ok) {
        await response.body?.cancel().catch(() => undefined);
        throw new Error(`${response.status} for ${url}`);
      }
      await inTime(cache.put(url, response), FETCH_MS, 'Storing a download');
    } finally {
      clearTimeout(timer);
      controller.abort();
    }
  }
}

/** Store one module for offline study, in this language and English. */
export async function downloadModule(catalog: Catalog, moduleId: string, locale: ContentLocale): Promise<void> {
  await store(moduleUrls(catalog, moduleId, locale));
}

/** A module's video and audio (content-hashed URLs), which are stored only on request. */
function recordingUrls(catalog: Catalog, moduleId: string): string[] {
  return catalog.modules.find((m) => m.id === moduleId)?.video ?? [];
}

/** Whether the module's video and audio are stored on the device (false when it has none). */
export async function areRecordingsOffline(catalog: Catalog, moduleId: string): Promise<boolean> {
  const urls = recordingUrls(catalog, moduleId);
  if (!hasCaches() || urls.length === 0) return false;
  return (await Promise.all(urls.map(isCached))).every(Boolean);
}

/** Store the module's video and audio too, as the learner asked; what is stored already is skipped. */
export async function downloadRecordings(catalog: Catalog, moduleId: string): Promise<void> {
  await store(recordingUrls(catalog, moduleId));
}

/** Delete the module's stored video and audio, to free space; its text and images stay. */
export async function removeRecordings(catalog: Catalog, moduleId: string): Promise<void> {
  const cache = await inTime(caches.open(CONTENT_CACHE), CACHE_STEP_MS, 'Opening the content cache');
  for (const url of recordingUrls(catalog, moduleId)) await inTime(cache.delete(url), CACHE_STEP_MS, 'Deleting a recording');
}

/** Delete stored copies whose revision is no longer current (content was updated). */
async function deleteOldRevisions(catalog: Catalog): Promise<void> {
  const current = new Set<string>();
  for (const module of catalog.modules) {
    for (const [locale, revision] of Object.entries(module.revisions))
      current.add(contentPaths.module(module.id, locale as ContentLocale, revision));
    for (const url of Object.values(module.media).flat()) current.add(url);
    // Recordings the learner chose to store stay while their module still plays them.
    for (const url of module.video ?? []) current.add(url);
  }
  for (const [locale, revision] of Object.entries(catalog.searchRevisions))
    current.add(contentPaths.search(locale as ContentLocale, revision));
  const cache = await inTime(caches.open(CONTENT_CACHE), CACHE_STEP_MS, 'Opening the content cache');
  for (const request of await inTime(cache.keys(), CACHE_STEP_MS, 'Listing the content cache')) {
    const url = new URL(request.url);
    if (!current.has(`${url.pathname}${url.search}`)) await inTime(cache.delete(request), CACHE_STEP_MS, 'Deleting an old copy');
  }
}

export type OfflineProgress = { stored: number; total: number; done: boolean; failed: boolean };

let progress: OfflineProgress = { stored: 0, total: 0, done: false, failed: false };
const listeners = new Set<(value: OfflineProgress) => void>();
let running: Promise<void> | undefined;
/** After a failed run (offline, a stalled download), the next try: 5 s, then 10 s, 20 s … up to 5 minutes. */
let retryDelayMs = 5_000;
let retryTimer: ReturnType<typeof setTimeout> | undefined;

function report(next: OfflineProgress): void {
  progress = next;
  for (const listener of listeners) listener(next);
}

/** The latest catalogue and language asked to be stored: a run that ends finds whether a newer one came meanwhile. */
let wanted: { catalog: Catalog; locale: ContentLocale } | undefined;

async function storeRun({ catalog, locale }: { catalog: Catalog; locale: ContentLocale }): Promise<void> {
  const total = catalog.modules.length;
  let stored = 0;
  report({ stored, total, done: false, failed: false });
  try {
    await store([contentPaths.search(locale, catalog.searchRevisions[locale])]);
    for (const module of catalog.modules) {
      // One module per idle moment: a learner who opens a page meanwhile gets it first.
      await nextIdle();
      await downloadModule(catalog, module.id, locale);
      stored += 1;
      report({ stored, total, done: false, failed: false });
    }
    // Old copies only take space: a cache that stalls here does not keep the course from
    // counting as stored (a stalled call here left the run pending for good); the next run tidies up.
    await deleteOldRevisions(catalog).catch(() => undefined);
    report({ stored, total, done: true, failed: false });
    retryDelayMs = 5_000;
  } catch {
    report({ stored, total, done: false, failed: true });
    // Try again by itself while online, with the latest catalogue asked for; going offline and back, or a new catalogue, also starts a run.
    retryTimer = setTimeout(() => {
      // A run reports its own failure in the progress (and schedules the next try).
      if (navigator.onLine && wanted) storeContentForOffline(wanted.catalog, wanted.locale).catch(() => undefined);
    }, retryDelayMs);
    retryDelayMs = Math.min(retryDelayMs * 2, 300_000);
  }
}

/**
 * Store every module in `locale` (plus English) and the search index. Safe to call often:
 * what is stored is skipped, concurrent calls share one run (followed by one more when they
 * bring another catalogue or language), and failures (offline, a stalled download or cache)
 * leave what was stored and are retried by themselves with a growing pause.
 */
export function storeContentForOffline(catalog: Catalog, locale: ContentLocale): Promise<void> {
  if (!hasCaches()) return Promise.resolve();
  clearTimeout(retryTimer);
  wanted = { catalog, locale };
  running ??= (async () => {
    // `wanted` changes while a run awaits; read it anew after each run.
    const latest = () => wanted;
    for (let next = latest(), done = next; next; next = latest() === done ? undefined : latest()) {
      done = next;
      await storeRun(next);
    }
  })().finally(() => {
    running = undefined;
  });
  return running;
}

/** Progress of storing content for offline study, for Settings and the home page. */
export function useOfflineProgress(): OfflineProgress {
  const [value, setValue] = useState(progress);
  useEffect(() => {
    listeners.add(setValue);
    return () => {
      listeners.delete(setValue);
    };
  }, []);
  return value;
}
