/*
 * The catalogue on the device (src/client/content/catalog.ts): network first, the kept copy when
 * the network fails or is slow, and every changed catalogue a refresh brings is heard by the
 * pages and the offline store.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Catalog } from '../../../../src/shared/content/compiled';
import { fakeCache } from './fakeCache';

const catalogWith = (version: number) => ({ curricula: [], modules: [{ id: 'one', version }], searchRevisions: {} }) as unknown as Catalog;

function fakeCaches() {
  const { stored, cache } = fakeCache();
  return { stored, storage: { open: async () => cache } };
}

/** A server whose answer the test sets: a catalogue, a failure, or an answer held until released. */
function fakeServer() {
  let answer: () => Promise<Response> = async () => Response.json(catalogWith(1));
  const fetch = vi.fn((url: string) => {
    if (url !== '/content/catalog.json') throw new Error(`unexpected ${url}`);
    return answer();
  });
  return {
    fetch,
    serve: (catalog: Catalog) => {
      answer = async () => Response.json(catalog);
    },
    fail: () => {
      answer = async () => Promise.reject(new TypeError('Failed to fetch'));
    },
    hold: () => {
      let release: (catalog: Catalog) => void = () => undefined;
      answer = () =>
        new Promise<Response>((resolve) => {
          release = (catalog) => resolve(Response.json(catalog));
        });
      return (catalog: Catalog) => release(catalog);
    },
  };
}

describe('the catalogue on the device', () => {
  let server: ReturnType<typeof fakeServer>;
  let kept: ReturnType<typeof fakeCaches>;

  beforeEach(() => {
    vi.resetModules();
    server = fakeServer();
    kept = fakeCaches();
    vi.stubGlobal('fetch', server.fetch);
    vi.stubGlobal('caches', kept.storage);
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  const load = () => import('../../../../src/client/content/catalog');

  it('asks the network first and keeps what it answered for offline use', async () => {
    const { loadCatalog } = await load();
    expect((await loadCatalog()).modules[0]?.version).toBe(1);
    expect(JSON.parse(kept.stored.get('/content/catalog.json') ?? 'null')).toEqual(catalogWith(1));
  });

  it('shows the kept catalogue offline, and fails clearly when none was kept', async () => {
    server.fail();
    const first = await load();
    await expect(first.loadCatalog()).rejects.toMatchObject({ kind: expect.stringMatching(/offline|failed/) });
    vi.resetModules();
    kept.stored.set('/content/catalog.json', JSON.stringify(catalogWith(3)));
    const again = await load();
    expect((await again.loadCatalog()).modules[0]?.version).toBe(3);
  });

  it('shows the kept catalogue when the network is slow, then the network’s when it answers', async () => {
    vi.useFakeTimers();
    kept.stored.set('/content/catalog.json', JSON.stringify(catalogWith(1)));
    const release = server.hold();
    const { CATALOG_NETWORK_MS, loadCatalog, onCatalogChange, catalogNow } = await load();
    const heard: number[] = [];
    onCatalogChange((catalog) => heard.push(catalog.modules[0]?.version ?? 0));
    const loading = loadCatalog();
    await vi.advanceTimersByTimeAsync(CATALOG_NETWORK_MS);
    expect((await loading).modules[0]?.version).toBe(1);
    release(catalogWith(2));
    await vi.waitFor(() => expect(heard).toEqual([2]));
    expect(catalogNow()?.modules[0]?.version).toBe(2);
  });

  it('tells listeners of a changed catalogue after a refresh, and of nothing when it did not change', async () => {
    const { loadCatalog, onCatalogChange, refreshCatalog } = await load();
    await loadCatalog();
    const heard: number[] = [];
    onCatalogChange((catalog) => heard.push(catalog.modules[0]?.version ?? 0));
    await refreshCatalog();
    expect(heard).toEqual([]);
    server.serve(catalogWith(2));
    expect((await refreshCatalog()).modules[0]?.version).toBe(2);
    expect(heard).toEqual([2]);
    expect((await loadCatalog()).modules[0]?.version).toBe(2);
    // Offline, a refresh answers with the catalogue shown.
    server.fail();
    expect((await refreshCatalog()).modules[0]?.version).toBe(2);
    expect(heard).toEqual([2]);
  });
});
