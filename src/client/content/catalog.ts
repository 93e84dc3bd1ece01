/*
 * The course catalogue on this device. The server's catalogue changes when a coordinator
 * imports, updates or retires a module (no new build), so it is not precached: it is fetched
 * network first at every start, after every sync and when the connection returns, and the
 * last one seen is kept in the `biblio-catalog` cache for offline use. A network that has not
 * answered in CATALOG_NETWORK_MS gives way to the kept copy, and its answer, when it comes,
 * replaces it on screen. Listeners hear of a catalogue that differs from the one shown, so
 * pages and the offline store follow an import without a reload.
 */
import { contentPaths, type Catalog } from '../../shared/content/compiled';
import { inTime } from './inTime';

export const CATALOG_CACHE = 'biblio-catalog';
/** How long a start waits for the network's catalogue before showing the kept one (a slow rural connection). */
export const CATALOG_NETWORK_MS = 4_000;
/** A cache step that has not answered in this time is given up: Chromium has been seen to leave Cache Storage calls pending. */
const CACHE_STEP_MS = 10_000;

export class CatalogError extends Error {
  constructor(readonly kind: 'not-found' | 'offline' | 'failed') {
    super(`${kind}: ${contentPaths.catalog}`);
  }
}

let shown: { text: string; catalog: Catalog } | undefined;
let first: Promise<Catalog> | undefined;
let fetching: Promise<Catalog> | undefined;
const listeners = new Set<(catalog: Catalog) => void>();

/** The catalogue shown now, if one has been loaded. */
export const catalogNow = (): Catalog | undefined => shown?.catalog;

/** Calls `listener` with every catalogue that differs from the one shown before; returns the unsubscribe. */
export function onCatalogChange(listener: (catalog: Catalog) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function show(text: string): Catalog {
  if (shown?.text === text) return shown.catalog;
  const catalog = JSON.parse(text) as Catalog;
  const changed = shown !== undefined;
  shown = { text, catalog };
  if (changed) for (const listener of listeners) listener(catalog);
  return catalog;
}

async function keep(text: string): Promise<void> {
  if (typeof caches === 'undefined') return;
  const cache = await inTime(caches.open(CATALOG_CACHE), CACHE_STEP_MS, 'Opening the catalogue cache');
  const response = new Response(text, { headers: { 'Content-Type': 'application/json' } });
  await inTime(cache.put(contentPaths.catalog, response), CACHE_STEP_MS, 'Keeping the catalogue');
}

async function kept(): Promise<string | undefined> {
  if (typeof caches === 'undefined') return undefined;
  const cache = await inTime(caches.open(CATALOG_CACHE), CACHE_STEP_MS, 'Opening the catalogue cache');
  const response = await inTime(cache.match(contentPaths.catalog), CACHE_STEP_MS, 'Reading the kept catalogue');
  return response?.text();
}

/** The server's catalogue, kept for offline use before it is shown; concurrent calls share one request. */
function fromNetwork(): Promise<Catalog> {
  fetching ??= (async () => {
    let response: Response;
    try {
      // Revalidated every time: the server answers 304 while no import changed it.
      response = await fetch(contentPaths.catalog, { cache: 'no-cache' });
    } catch {
      throw new CatalogError(navigator.onLine ? 'failed' : 'offline');
    }
    if (!response.ok) throw new CatalogError(response.status === 404 ? 'not-found' : 'failed');
    const text = await response.text();
    // A cache that fails to keep it costs only the offline copy.
    await keep(text).catch(() => undefined);
    return show(text);
  })().finally(() => {
    fetching = undefined;
  });
  return fetching;
}

/** The network's catalogue, or the kept one when the network fails or is slow; the network's answer still replaces it later. */
function networkFirst(): Promise<Catalog> {
  const network = fromNetwork();
  return new Promise<Catalog>((resolve, reject) => {
    let settled = false;
    const settle = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      outcome();
    };
    const useKept = async (networkError?: unknown) => {
      const text = await kept().catch(() => undefined);
      // The network may have answered meanwhile: its catalogue is newer than the kept one.
      if (settled) return;
      if (text !== undefined) settle(() => resolve(show(text)));
      // Nothing kept: wait for the network, or give its error.
      else if (networkError !== undefined) settle(() => reject(networkError));
    };
    const timer = setTimeout(() => {
      useKept().catch(() => undefined);
    }, CATALOG_NETWORK_MS);
    network.then(
      (catalog) => {
        clearTimeout(timer);
        settle(() => resolve(catalog));
      },
      (error: unknown) => {
        clearTimeout(timer);
        useKept(error).catch(() => undefined);
      },
    );
  });
}

/** The catalogue: loaded once per page (network first), then kept up to date by `refreshCatalog`. */
export function loadCatalog(): Promise<Catalog> {
  if (shown) return Promise.resolve(shown.catalog);
  first ??= networkFirst().catch((error: unknown) => {
    // A failure is not remembered: the next page that asks tries again.
    first = undefined;
    throw error;
  });
  return first.then((catalog) => shown?.catalog ?? catalog);
}

/**
 * Asks the server for its catalogue now (after a sync, when the connection returns); the
 * kept or shown one answers when the network fails. Listeners hear of a change.
 */
export async function refreshCatalog(): Promise<Catalog> {
  try {
    return await fromNetwork();
  } catch (error) {
    if (shown) return shown.catalog;
    const text = await kept().catch(() => undefined);
    if (text === undefined) throw error;
    return show(text);
  }
}
