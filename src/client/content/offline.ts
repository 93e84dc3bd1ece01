/*
 * Course content on the device. The service worker precaches the app and the catalogue;
 * module files and search indexes live in the `biblio-content` cache, by revisioned URL
 * (`?v=<hash>`), which the service worker answers from first. When the app starts online,
 * it stores every module in the learner's content language (and English, the fallback)
 * plus that language's search index, so studying works offline without downloading all
 * four languages to a cheap phone. Other languages can be stored per module. Copies of
 * older revisions are deleted once the new one is stored.
 */
import { useEffect, useState } from 'react';
import { contentPaths, type Catalog } from '../../shared/content/compiled';
import type { ContentLocale } from '../../shared/content/locales';

export const CONTENT_CACHE = 'biblio-content';

const hasCaches = () => typeof caches !== 'undefined';

function moduleUrls(catalog: Catalog, moduleId: string, locale: ContentLocale): string[] {
  const module = catalog.modules.find((m) => m.id === moduleId);
  if (!module) return [];
  return [
    ...new Set([contentPaths.module(moduleId, locale, module.revisions[locale]), contentPaths.module(moduleId, 'en', module.revisions.en)]),
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

function inTime<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} took longer than ${ms} ms`)), ms);
  });
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

async function store(urls: string[]): Promise<void> {
  const cache = await inTime(caches.open(CONTENT_CACHE), CACHE_STEP_MS, 'Opening the content cache');
  for (const url of urls) {
    if (await inTime(cache.match(url), CACHE_STEP_MS, 'Looking in the content cache')) continue;
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), FETCH_MS);
    try {
      const response = await fetch(url, { signal: controller.signal });
      if (!response.ok) throw new Error(`${response.status} for ${url}`);
      await inTime(cache.put(url, response), FETCH_MS, 'Storing a download');
    } finally {
      clearTimeout(timer);
    }
  }
}

/** Store one module for offline study, in this language and English. */
export async function downloadModule(catalog: Catalog, moduleId: string, locale: ContentLocale): Promise<void> {
  await store(moduleUrls(catalog, moduleId, locale));
}

/** Delete stored copies whose revision is no longer current (content was updated). */
async function deleteOldRevisions(catalog: Catalog): Promise<void> {
  const current = new Set<string>();
  for (const module of catalog.modules) {
    for (const [locale, revision] of Object.entries(module.revisions))
      current.add(contentPaths.module(module.id, locale as ContentLocale, revision));
  }
  for (const [locale, revision] of Object.entries(catalog.searchRevisions))
    current.add(contentPaths.search(locale as ContentLocale, revision));
  const cache = await caches.open(CONTENT_CACHE);
  for (const request of await cache.keys()) {
    const url = new URL(request.url);
    if (!current.has(`${url.pathname}${url.search}`)) await cache.delete(request);
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

/**
 * Store every module in `locale` (plus English) and the search index. Safe to call often:
 * what is stored is skipped, concurrent calls share one run, and failures (offline, a stalled
 * download or cache) leave what was stored and are retried by themselves with a growing pause.
 */
export function storeContentForOffline(catalog: Catalog, locale: ContentLocale): Promise<void> {
  if (!hasCaches()) return Promise.resolve();
  clearTimeout(retryTimer);
  running ??= (async () => {
    const total = catalog.modules.length;
    let stored = 0;
    report({ stored, total, done: false, failed: false });
    try {
      await store([contentPaths.search(locale, catalog.searchRevisions[locale])]);
      for (const module of catalog.modules) {
        await downloadModule(catalog, module.id, locale);
        stored += 1;
        report({ stored, total, done: false, failed: false });
      }
      await deleteOldRevisions(catalog);
      report({ stored, total, done: true, failed: false });
      retryDelayMs = 5_000;
    } catch {
      report({ stored, total, done: false, failed: true });
      // Try again by itself while online; going offline and back, or a new catalogue, also starts a run.
      retryTimer = setTimeout(() => {
        if (navigator.onLine) void storeContentForOffline(catalog, locale);
      }, retryDelayMs);
      retryDelayMs = Math.min(retryDelayMs * 2, 300_000);
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
