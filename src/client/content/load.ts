/*
 * Loading compiled course content (`/content/*.json`, see src/shared/content/compiled.ts).
 * The service worker precaches all of it, so these fetches are answered offline; a
 * module that is somehow not cached can be downloaded explicitly (`downloadModule`).
 */
import { useEffect, useState } from 'react';
import { contentPaths, type Catalog, type ModuleContent, type SearchEntry } from '../../shared/content/compiled';
import type { ContentLocale } from '../../shared/content/locales';

export class ContentError extends Error {
  constructor(
    readonly kind: 'not-found' | 'offline' | 'failed',
    url: string,
  ) {
    super(`${kind}: ${url}`);
  }
}

const cache = new Map<string, Promise<unknown>>();

export function fetchJson<T>(url: string): Promise<T> {
  let pending = cache.get(url) as Promise<T> | undefined;
  if (!pending) {
    pending = fetch(url).then(
      async (response) => {
        if (response.status === 404) throw new ContentError('not-found', url);
        if (!response.ok) throw new ContentError('failed', url);
        return (await response.json()) as T;
      },
      () => {
        throw new ContentError(navigator.onLine ? 'failed' : 'offline', url);
      },
    );
    // A failure is not remembered: the next attempt fetches again.
    pending.catch(() => cache.delete(url));
    cache.set(url, pending);
  }
  return pending;
}

export type Loadable<T> = { status: 'loading' } | { status: 'ready'; data: T } | { status: 'error'; error: ContentError };

function useJson<T>(url: string | undefined): Loadable<T> {
  const [state, setState] = useState<{ url: string | undefined; value: Loadable<T> }>({ url, value: { status: 'loading' } });
  useEffect(() => {
    if (!url) return;
    let live = true;
    fetchJson<T>(url).then(
      (data) => live && setState({ url, value: { status: 'ready', data } }),
      (error: unknown) =>
        live &&
        setState({ url, value: { status: 'error', error: error instanceof ContentError ? error : new ContentError('failed', url) } }),
    );
    return () => {
      live = false;
    };
  }, [url]);
  return state.url === url ? state.value : { status: 'loading' };
}

export function useCatalog(): Loadable<Catalog> {
  return useJson<Catalog>(contentPaths.catalog);
}

export function useModuleContent(moduleId: string, locale: ContentLocale): Loadable<ModuleContent> {
  return useJson<ModuleContent>(contentPaths.module(moduleId, locale));
}

export function useSearchIndex(locale: ContentLocale, enabled: boolean): Loadable<SearchEntry[]> {
  return useJson<SearchEntry[]>(enabled ? contentPaths.search(locale) : undefined);
}

const OFFLINE_CACHE = 'biblio-content';

/** Whether the module's content in this language (and English, its fallback) is stored on the device. */
export async function isModuleOffline(moduleId: string, locale: ContentLocale): Promise<boolean> {
  if (typeof caches === 'undefined') return false;
  const urls = [...new Set([contentPaths.module(moduleId, locale), contentPaths.module(moduleId, 'en')])];
  const found = await Promise.all(urls.map((url) => caches.match(url, { ignoreSearch: true })));
  return found.every(Boolean);
}

/** Store a module's content for offline study, in the learner's language and English. */
export async function downloadModule(moduleId: string, locale: ContentLocale): Promise<void> {
  const cacheStorage = await caches.open(OFFLINE_CACHE);
  await cacheStorage.addAll([...new Set([contentPaths.module(moduleId, locale), contentPaths.module(moduleId, 'en')])]);
}
