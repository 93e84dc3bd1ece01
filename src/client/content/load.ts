/*
 * Loading compiled course content (`/content/*.json`, see src/shared/content/compiled.ts).
 * The catalogue comes from the server, network first, and follows imports (catalog.ts);
 * module files and search indexes are fetched by revisioned URL and kept on the device by
 * offline.ts, so these fetches are answered offline too.
 */
import { useEffect, useState } from 'react';
import { contentPaths, type Catalog, type ModuleContent, type SearchEntry } from '../../shared/content/compiled';
import type { ContentLocale } from '../../shared/content/locales';
import { CatalogError, catalogNow, loadCatalog, onCatalogChange } from './catalog';

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

/** The catalogue, re-rendered with the new one when a sync or a reconnection brings a changed catalogue. */
export function useCatalog(): Loadable<Catalog> {
  const [state, setState] = useState<Loadable<Catalog>>(() => {
    const known = catalogNow();
    return known ? { status: 'ready', data: known } : { status: 'loading' };
  });
  useEffect(() => {
    let live = true;
    const showCatalog = (data: Catalog) => {
      if (live) setState((before) => (before.status === 'ready' && before.data === data ? before : { status: 'ready', data }));
    };
    const stop = onCatalogChange(showCatalog);
    loadCatalog().then(showCatalog, (error: unknown) => {
      const kind = error instanceof CatalogError ? error.kind : 'failed';
      if (live) setState({ status: 'error', error: new ContentError(kind, contentPaths.catalog) });
    });
    return () => {
      live = false;
      stop();
    };
  }, []);
  return state;
}

/** A module's content in one language; waits for the catalogue, which names the current revision. */
export function useModuleContent(moduleId: string, locale: ContentLocale): Loadable<ModuleContent> {
  const catalog = useCatalog();
  const module = catalog.status === 'ready' ? catalog.data.modules.find((m) => m.id === moduleId) : undefined;
  const content = useJson<ModuleContent>(module ? contentPaths.module(moduleId, locale, module.revisions[locale]) : undefined);
  if (catalog.status === 'error') return catalog;
  if (catalog.status === 'ready' && !module) return { status: 'error', error: new ContentError('not-found', moduleId) };
  return content;
}

export function useSearchIndex(locale: ContentLocale, enabled: boolean): Loadable<SearchEntry[]> {
  const catalog = useCatalog();
  const revision = catalog.status === 'ready' ? catalog.data.searchRevisions[locale] : undefined;
  return useJson<SearchEntry[]>(enabled && revision ? contentPaths.search(locale, revision) : undefined);
}
