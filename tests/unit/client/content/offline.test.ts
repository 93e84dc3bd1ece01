/*
 * Storing the course for offline study (src/client/content/offline.ts) when the browser's
 * cache or the connection stalls: the run gives up in time, says so, and tries again by
 * itself; nothing already stored is fetched twice; a module's illustrations are stored with it,
 * its video only when asked for, until removed.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Catalog } from '../../../../src/shared/content/compiled';
import { fakeCache } from './fakeCache';

type Progress = { stored: number; total: number; done: boolean; failed: boolean };
/** jsdom has no requestIdleCallback: each idle step is the fallback timer (src/client/content/idle.ts). */
const IDLE_STEP_MS = 200;

const catalog = {
  modules: [
    {
      id: 'one',
      revisions: { en: 'r1', lv: 'r1', bg: 'r1', uk: 'r1' },
      media: { en: ['/content/media/one/steps.0123456789.svg'], lv: ['/content/media/one/steps-lv.0123456789.svg'], bg: [], uk: [] },
    },
    { id: 'two', revisions: { en: 'r2', lv: 'r2', bg: 'r2', uk: 'r2' }, media: { en: [], lv: [], bg: [], uk: [] } },
  ],
  searchRevisions: { en: 's1', lv: 's1', bg: 's1', uk: 's1' },
} as unknown as Catalog;

/** A Cache Storage whose `open` never answers the first `hangs` times (or the times `hangs` picks), as Chromium was seen to do. */
function fakeCaches(hangs: number | ((open: number) => boolean)) {
  const { stored, cache } = fakeCache();
  let opens = 0;
  return {
    stored,
    storage: {
      open: () => {
        opens += 1;
        const hang = typeof hangs === 'number' ? opens <= hangs : hangs(opens);
        return hang ? new Promise<never>(() => undefined) : Promise.resolve(cache);
      },
      match: async (url: string) => cache.match(url),
    },
  };
}

describe('storing the course for offline study', () => {
  beforeEach(() => {
    vi.resetModules();
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('gives up on a cache that never answers, reports it, and succeeds on its own retry', async () => {
    const fake = fakeCaches(1);
    vi.stubGlobal('caches', fake.storage);
    const fetched: string[] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string) => {
        fetched.push(url);
        return new Response(`content of ${url}`);
      }),
    );
    const offline = await import('../../../../src/client/content/offline');
    const { act, renderHook } = await import('@testing-library/react');
    const hook = renderHook(() => offline.useOfflineProgress());

    await act(async () => {
      const first = offline.storeContentForOffline(catalog, 'en');
      await vi.advanceTimersByTimeAsync(10_000);
      await first;
    });
    expect(hook.result.current).toMatchObject<Partial<Progress>>({ done: false, failed: true });
    expect(fetched).toEqual([]);

    // The retry comes by itself a few seconds later, without anyone calling again.
    await act(() => vi.advanceTimersByTimeAsync(5_000));
    await vi.waitFor(() => expect(hook.result.current).toMatchObject({ stored: 2, total: 2, done: true, failed: false }));
    // A module's illustrations are stored with it; another language's are not. Downloads
    // carry store=1 (the service worker leaves them to the network); copies are kept under
    // the URL the app reads.
    const stored = [
      '/content/media/one/steps.0123456789.svg',
      '/content/modules/one/en.json?v=r1',
      '/content/modules/two/en.json?v=r2',
      '/content/search/en.json?v=s1',
    ];
    expect(fetched.sort()).toEqual(stored.map((url) => `${url}${url.includes('?') ? '&' : '?'}store=1`));
    expect([...fake.stored.keys()].sort()).toEqual(stored);
    hook.unmount();
  });

  it('counts the course as stored when only tidying up old copies stalls', async () => {
    // Opens 1-3 store the search index and the two modules; the 4th, for deleting old copies, never answers.
    const fake = fakeCaches((open) => open === 4);
    vi.stubGlobal('caches', fake.storage);
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string) => new Response(`content of ${url}`)),
    );
    const offline = await import('../../../../src/client/content/offline');
    const { act, renderHook } = await import('@testing-library/react');
    const hook = renderHook(() => offline.useOfflineProgress());
    await act(async () => {
      const run = offline.storeContentForOffline(catalog, 'en');
      // The cache time limit, plus an idle step before each module.
      await vi.advanceTimersByTimeAsync(10_000 + 2 * IDLE_STEP_MS);
      await run;
    });
    expect(hook.result.current).toMatchObject<Partial<Progress>>({ stored: 2, total: 2, done: true, failed: false });
    hook.unmount();
  });

  it('aborts a download that stalls, keeps what was stored, and fetches only the rest next time', async () => {
    const fake = fakeCaches(0);
    vi.stubGlobal('caches', fake.storage);
    let stall = true;
    const fetched: string[] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn((url: string, init?: RequestInit) => {
        fetched.push(url);
        if (stall && url.includes('/two/'))
          return new Promise<Response>((_, reject) => init?.signal?.addEventListener('abort', () => reject(new Error('aborted'))));
        return Promise.resolve(new Response(`content of ${url}`));
      }),
    );
    const offline = await import('../../../../src/client/content/offline');
    const run = offline.storeContentForOffline(catalog, 'en');
    // The download time limit, plus an idle step before each module.
    await vi.advanceTimersByTimeAsync(60_000 + 2 * IDLE_STEP_MS);
    await run;
    expect([...fake.stored.keys()].sort()).toEqual([
      '/content/media/one/steps.0123456789.svg',
      '/content/modules/one/en.json?v=r1',
      '/content/search/en.json?v=s1',
    ]);

    stall = false;
    fetched.length = 0;
    await vi.advanceTimersByTimeAsync(5_000);
    await vi.waitFor(() => expect(fake.stored.size).toBe(4));
    expect(fetched).toEqual(['/content/modules/two/en.json?v=r2&store=1']);
  });
  it('frees the connection of every download it gives up on: a write that never ends, a refused answer', async () => {
    const fake = fakeCaches(0);
    // Chromium has been seen to leave a Cache Storage write pending for good.
    let writes = 0;
    const cache = await fake.storage.open();
    vi.stubGlobal('caches', {
      ...fake.storage,
      open: async () => ({
        ...cache,
        put: (url: string, response: Response) => {
          writes += 1;
          return writes === 1 ? new Promise<never>(() => undefined) : cache.put(url, response);
        },
      }),
    });
    const signals: AbortSignal[] = [];
    let refusedBodyCancelled = false;
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string, init?: RequestInit) => {
        if (init?.signal) signals.push(init.signal);
        if (url.includes('/two/'))
          return new Response(new ReadableStream({ cancel: () => void (refusedBodyCancelled = true) }), { status: 503 });
        return new Response(`content of ${url}`);
      }),
    );
    const offline = await import('../../../../src/client/content/offline');
    const run = offline.storeContentForOffline(catalog, 'en');
    // The search index's write never ends: the run gives up on it after the download time limit.
    await vi.advanceTimersByTimeAsync(60_000 + 2 * IDLE_STEP_MS);
    await run;
    expect(signals).toHaveLength(1);
    // Its response body would otherwise hold a connection open for good (Chromium gives a host six).
    expect(signals[0]?.aborted).toBe(true);

    // On the retry, module two's server refuses: the body of that answer is not left unread either.
    await vi.advanceTimersByTimeAsync(5_000 + 2 * IDLE_STEP_MS);
    await vi.waitFor(() => expect(refusedBodyCancelled).toBe(true));
    expect(signals.every((signal) => signal.aborted)).toBe(true);
  });

  it('stores a newer catalogue that arrives during a run once the run ends, and deletes the old copies', async () => {
    const fake = fakeCaches(0);
    vi.stubGlobal('caches', fake.storage);
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string) => new Response(`content of ${url}`)),
    );
    const updated = {
      ...catalog,
      modules: catalog.modules.map((m) => (m.id === 'two' ? { ...m, revisions: { en: 'r3', lv: 'r3', bg: 'r3', uk: 'r3' } } : m)),
    } as Catalog;
    const offline = await import('../../../../src/client/content/offline');
    const first = offline.storeContentForOffline(catalog, 'en');
    // An import on the server: the sync brings the new catalogue while the first run is under way.
    const second = offline.storeContentForOffline(updated, 'en');
    expect(second).toBe(first);
    await vi.advanceTimersByTimeAsync(4 * IDLE_STEP_MS);
    await second;
    expect([...fake.stored.keys()].sort()).toEqual([
      '/content/media/one/steps.0123456789.svg',
      '/content/modules/one/en.json?v=r1',
      '/content/modules/two/en.json?v=r3',
      '/content/search/en.json?v=s1',
    ]);
  });

  it('stores a module without its video, stores the video when asked, keeps it through a run, and removes it', async () => {
    const fake = fakeCaches(0);
    vi.stubGlobal('caches', fake.storage);
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string) => new Response(`content of ${url}`)),
    );
    const video = '/content/media/one/visit.0123456789.mp4';
    const withVideo = { ...catalog, modules: catalog.modules.map((m) => (m.id === 'one' ? { ...m, video: [video] } : m)) } as Catalog;
    const offline = await import('../../../../src/client/content/offline');
    const run = offline.storeContentForOffline(withVideo, 'en');
    await vi.advanceTimersByTimeAsync(4 * IDLE_STEP_MS);
    await run;
    expect(fake.stored.has(video)).toBe(false);
    expect(await offline.areRecordingsOffline(withVideo, 'one')).toBe(false);

    await offline.downloadRecordings(withVideo, 'one');
    expect(fake.stored.get(video)).toBe(`content of ${video}?store=1`);
    expect(await offline.areRecordingsOffline(withVideo, 'one')).toBe(true);
    // Another run (a sync, a new catalogue) tidies up old copies but keeps the chosen video.
    const again = offline.storeContentForOffline(withVideo, 'en');
    await vi.advanceTimersByTimeAsync(4 * IDLE_STEP_MS);
    await again;
    expect(fake.stored.has(video)).toBe(true);

    await offline.removeRecordings(withVideo, 'one');
    expect(fake.stored.has(video)).toBe(false);
    expect(await offline.isModuleOffline(withVideo, 'one', 'en')).toBe(true);
  });
});
