/*
 * Offline, a photograph width the browser asks for but the device did not store is answered
 * with the width it did store (the service worker's CacheFirst route for content/media/).
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { storedPhotoWidth } from '../../../../src/client/pwa/photoFallback';

const STORED = 'http://localhost/content/media/online-safety/reading-room.0123456789-960.webp';

function fakeCaches(urls: string[]) {
  const cache = {
    keys: async () => urls.map((url) => new Request(url)),
    match: async (request: Request) => (urls.includes(request.url) ? new Response(`bytes of ${request.url}`) : undefined),
  };
  vi.stubGlobal('caches', { open: async (name: string) => (name === 'biblio-content' ? cache : { keys: async () => [] }) });
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('a photograph offline in another width', () => {
  it('answers with the stored width of the same photograph', async () => {
    fakeCaches(['http://localhost/content/modules/online-safety/en.json?v=1', STORED]);
    const answer = await storedPhotoWidth({ request: new Request(STORED.replace('-960', '-480')) });
    expect(await answer?.text()).toBe(`bytes of ${STORED}`);
  });

  it('leaves another photograph, or a diagram, to fail as it would', async () => {
    fakeCaches([STORED]);
    expect(await storedPhotoWidth({ request: new Request(STORED.replace('0123456789', 'abcdefabcd')) })).toBeUndefined();
    expect(
      await storedPhotoWidth({ request: new Request('http://localhost/content/media/online-safety/cover.0123456789.svg') }),
    ).toBeUndefined();
  });
});
