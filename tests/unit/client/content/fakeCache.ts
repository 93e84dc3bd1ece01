/*
 * A stand-in for one Cache of the Cache Storage API, keeping response bodies as text by URL
 * (path and query), for the tests of the code that stores the course on the device.
 */
export function fakeCache() {
  const stored = new Map<string, string>();
  const cache = {
    match: async (url: string) => (stored.has(url) ? new Response(stored.get(url)) : undefined),
    put: async (url: string, response: Response) => {
      stored.set(url, await response.text());
    },
    keys: async () => [...stored.keys()].map((url) => new Request(new URL(url, 'http://localhost/'))),
    // As the real Cache, it takes a Request or a URL.
    delete: async (request: Request | string) => {
      const url = new URL(typeof request === 'string' ? request : request.url, 'http://localhost/');
      return stored.delete(url.pathname + url.search);
    },
  };
  return { stored, cache };
}
