/*
 * When the app starts storing the course for offline study (src/client/ui/useKeepContentOffline.ts,
 * src/client/content/idle.ts): never before the page has loaded, the service worker is active
 * and the browser is idle, and then one module per idle moment. The browser's edges (fetch,
 * Cache Storage, the service worker container, requestIdleCallback) are stand-ins; the app's
 * code is real.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Catalog } from '../../../../src/shared/content/compiled';
import { fakeCache } from './fakeCache';

const catalog = {
  modules: [
    { id: 'one', revisions: { en: 'r1', lv: 'r1', bg: 'r1', uk: 'r1' }, media: { en: [], lv: [], bg: [], uk: [] } },
    { id: 'two', revisions: { en: 'r2', lv: 'r2', bg: 'r2', uk: 'r2' }, media: { en: [], lv: [], bg: [], uk: [] } },
  ],
  searchRevisions: { en: 's1', lv: 's1', bg: 's1', uk: 's1' },
} as unknown as Catalog;

/** Cache Storage with one cache per name, as the browser has (the catalogue and the content are kept apart). */
function fakeCaches() {
  const byName = new Map<string, ReturnType<typeof fakeCache>>();
  const named = (name: string) => {
    const found = byName.get(name) ?? fakeCache();
    byName.set(name, found);
    return found;
  };
  const stored = (name: string) => named(name).stored;
  return {
    stored,
    storage: {
      open: vi.fn(async (name: string) => named(name).cache),
      match: async (url: string) => named('biblio-content').cache.match(url),
    },
  };
}

/** A service worker container whose worker becomes active when the test says so. */
function fakeServiceWorker() {
  let activate: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => {
    activate = resolve;
  });
  return { container: { ready }, activate: () => activate() };
}

/** requestIdleCallback that runs its callbacks only when the test says the browser is idle. */
function fakeIdle() {
  const waiting: Array<() => void> = [];
  const requestIdleCallback = vi.fn((callback: () => void, _options?: { timeout: number }) => {
    waiting.push(callback);
    return waiting.length;
  });
  return {
    requestIdleCallback,
    pending: () => waiting.length,
    /** Runs the callbacks waiting now (not those they request). */
    beIdle: () => {
      for (const callback of waiting.splice(0)) callback();
    },
  };
}

/** Lets every promise chain that can move, move. */
async function settle(): Promise<void> {
  for (let i = 0; i < 20; i += 1) await Promise.resolve();
  await new Promise((resolve) => setTimeout(resolve, 0));
}

describe('when the course is stored for offline study', () => {
  let fetched: string[];
  let fake: ReturnType<typeof fakeCaches>;

  beforeEach(() => {
    vi.resetModules();
    fetched = [];
    fake = fakeCaches();
    vi.stubGlobal('caches', fake.storage);
    vi.stubGlobal(
      'fetch',
      vi.fn(async (input: string) => {
        const url = String(input);
        fetched.push(url);
        if (url.startsWith('/content/catalog.json')) return Response.json(catalog);
        return new Response(`content of ${url}`);
      }),
    );
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    Reflect.deleteProperty(navigator, 'serviceWorker');
  });

  async function renderKeepContentOffline() {
    const { initI18n } = await import('../../../../src/client/i18n/i18n');
    await initI18n('en');
    const { useKeepContentOffline } = await import('../../../../src/client/ui/useKeepContentOffline');
    const { renderHook } = await import('@testing-library/react');
    return renderHook(() => useKeepContentOffline());
  }

  const downloads = () => fetched.filter((url) => url.includes('store=1'));

  it('waits for an active service worker and an idle moment, then stores one module per idle moment', async () => {
    const worker = fakeServiceWorker();
    Object.defineProperty(navigator, 'serviceWorker', { value: worker.container, configurable: true });
    const idle = fakeIdle();
    vi.stubGlobal('requestIdleCallback', idle.requestIdleCallback);

    const hook = await renderKeepContentOffline();
    await settle();
    // The worker is still installing: nothing is downloaded (not even the catalogue), the content cache is not even opened.
    expect(fetched).toEqual([]);
    expect(fake.storage.open).not.toHaveBeenCalled();
    expect(idle.requestIdleCallback).not.toHaveBeenCalled();

    worker.activate();
    await settle();
    // Active, but the first screen may still be busy: storing waits for the browser to be idle.
    expect(idle.requestIdleCallback).toHaveBeenCalledTimes(1);
    expect(idle.requestIdleCallback.mock.calls[0]?.[1]).toEqual({ timeout: 2_000 });
    expect(fetched).toEqual([]);

    idle.beIdle();
    await vi.waitFor(() => expect(idle.pending()).toBe(1));
    // The catalogue, then the search index; each module then waits for its own idle moment.
    expect(fetched).toEqual(['/content/catalog.json', '/content/search/en.json?v=s1&store=1']);

    idle.beIdle();
    await vi.waitFor(() => expect(downloads()).toHaveLength(2));
    await settle();
    expect(downloads()[1]).toBe('/content/modules/one/en.json?v=r1&store=1');
    expect(idle.pending()).toBe(1);

    idle.beIdle();
    // The search index and both modules, beside the catalogue kept for offline use.
    await vi.waitFor(() => expect([...fake.stored('biblio-content').keys()]).toHaveLength(3));
    expect(fake.stored('biblio-catalog').has('/content/catalog.json')).toBe(true);
    expect(downloads()).toEqual([
      '/content/search/en.json?v=s1&store=1',
      '/content/modules/one/en.json?v=r1&store=1',
      '/content/modules/two/en.json?v=r2&store=1',
    ]);
    hook.unmount();
  });

  it('does not start before the page has loaded', async () => {
    let readyState: DocumentReadyState = 'loading';
    const spy = vi.spyOn(document, 'readyState', 'get').mockImplementation(() => readyState);
    const idle = fakeIdle();
    vi.stubGlobal('requestIdleCallback', idle.requestIdleCallback);
    const { whenFirstScreenIsIdle } = await import('../../../../src/client/content/idle');
    let started = false;
    const waiting = whenFirstScreenIsIdle().then(() => {
      started = true;
    });
    await settle();
    expect(idle.requestIdleCallback).not.toHaveBeenCalled();

    readyState = 'complete';
    window.dispatchEvent(new Event('load'));
    await settle();
    expect(idle.requestIdleCallback).toHaveBeenCalledTimes(1);
    expect(started).toBe(false);
    idle.beIdle();
    await waiting;
    expect(started).toBe(true);
    spy.mockRestore();
  });

  it('waits a short timer where the browser has no requestIdleCallback', async () => {
    vi.useFakeTimers();
    try {
      vi.stubGlobal('requestIdleCallback', undefined);
      const { nextIdle, IDLE_FALLBACK_MS } = await import('../../../../src/client/content/idle');
      let done = false;
      const step = nextIdle().then(() => {
        done = true;
      });
      await vi.advanceTimersByTimeAsync(IDLE_FALLBACK_MS - 1);
      expect(done).toBe(false);
      await vi.advanceTimersByTimeAsync(1);
      await step;
      expect(done).toBe(true);
    } finally {
      vi.useRealTimers();
    }
  });

  it('starts nothing while offline, and starts once the connection returns', async () => {
    const idle = fakeIdle();
    vi.stubGlobal('requestIdleCallback', idle.requestIdleCallback);
    const online = vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false);
    const hook = await renderKeepContentOffline();
    await settle();
    expect(idle.requestIdleCallback).not.toHaveBeenCalled();
    expect(fetched).toEqual([]);

    online.mockReturnValue(true);
    const { act } = await import('@testing-library/react');
    act(() => {
      window.dispatchEvent(new Event('online'));
    });
    await vi.waitFor(() => expect(idle.requestIdleCallback).toHaveBeenCalledTimes(1));
    idle.beIdle();
    await vi.waitFor(() => expect(downloads()).toEqual(['/content/search/en.json?v=s1&store=1']));
    online.mockRestore();
    hook.unmount();
  });
});
