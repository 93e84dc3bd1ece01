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

async function store(urls: string[]): Promise<void> {
  const cache = await caches.open(CONTENT_CACHE);
  for (const url of urls) {
    if (await cache.match(url)) continue;
    const response = await fetch(url);
    if (!response.ok) throw new Error(`${response.status} for ${url}`);
    await cache.put(url, response);
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

function report(next: OfflineProgress): void {
  progress = next;
  for (const listener of listeners) listener(next);
}

/**
 * Store every module in `locale` (plus English) and the search index. Safe to call often:
 * what is stored is skipped, concurrent calls share one run, and failures (offline) leave
 * what was stored and are retried next time.
 */
export function storeContentForOffline(catalog: Catalog, locale: ContentLocale): Promise<void> {
  if (!hasCaches()) return Promise.resolve();
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
    } catch {
      report({ stored, total, done: false, failed: true });
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
