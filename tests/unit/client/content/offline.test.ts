/*
 * Storing the course for offline study (src/client/content/offline.ts) when the browser's
 * cache or the connection stalls: the run gives up in time, says so, and tries again by
 * itself; nothing already stored is fetched twice.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Catalog } from '../../../../src/shared/content/compiled';

type Progress = { stored: number; total: number; done: boolean; failed: boolean };

const catalog = {
  modules: [
    { id: 'one', revisions: { en: 'r1', lv: 'r1', bg: 'r1', uk: 'r1' } },
    { id: 'two', revisions: { en: 'r2', lv: 'r2', bg: 'r2', uk: 'r2' } },
  ],
  searchRevisions: { en: 's1', lv: 's1', bg: 's1', uk: 's1' },
} as unknown as Catalog;

/** A Cache Storage whose `open` never answers the first `hangs` times, as Chromium was seen to do. */
function fakeCaches(hangs: number) {
  const stored = new Map<string, string>();
  let opens = 0;
  const cache = {
    match: async (url: string) => (stored.has(url) ? new Response(stored.get(url)) : undefined),
    put: async (url: string, response: Response) => {
      stored.set(url, await response.text());
    },
    keys: async () => [...stored.keys()].map((url) => new Request(new URL(url, 'http://localhost/'))),
    delete: async (request: Request) => stored.delete(new URL(request.url).pathname + new URL(request.url).search),
  };
  return {
    stored,
    storage: {
      open: () => {
        opens += 1;
        return opens <= hangs ? new Promise<never>(() => undefined) : Promise.resolve(cache);
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
    expect(fetched.sort()).toEqual([
      '/content/modules/one/en.json?v=r1',
      '/content/modules/two/en.json?v=r2',
      '/content/search/en.json?v=s1',
    ]);
    expect([...fake.stored.keys()].sort()).toEqual(fetched);
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
    await vi.advanceTimersByTimeAsync(60_000);
    await run;
    expect([...fake.stored.keys()].sort()).toEqual(['/content/modules/one/en.json?v=r1', '/content/search/en.json?v=s1']);

    stall = false;
    fetched.length = 0;
    await vi.advanceTimersByTimeAsync(5_000);
    await vi.waitFor(() => expect(fake.stored.size).toBe(3));
    expect(fetched).toEqual(['/content/modules/two/en.json?v=r2']);
  });
});
