import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { cachedResponse, rememberResponse } from '../db/mentorCache';

export type CachedLoad<T> =
  { status: 'loading' } | { status: 'ready'; data: T; fetchedAt: string; fromCache: boolean } | { status: 'error'; error: unknown };

/**
 * Fetches mentor data from the server and keeps the last answer on the device: when the
 * server cannot be reached (offline) the last copy is shown, with its time, instead of an error.
 * `key` names the data (its URL); `load` fetches it; `reload` fetches again.
 */
export function useCachedApi<T>(key: string | undefined, load: () => Promise<T>): { state: CachedLoad<T>; reload: () => void } {
  const [state, setState] = useState<{ key: string | undefined; value: CachedLoad<T> }>({ key, value: { status: 'loading' } });
  const [attempt, setAttempt] = useState(0);
  // `load` is a fresh closure each render; the key says what it fetches, so only the key re-runs it.
  const loader = useRef(load);
  useLayoutEffect(() => {
    loader.current = load;
  });
  useEffect(() => {
    if (!key) return;
    let live = true;
    loader.current().then(
      async (data) => {
        const fetchedAt = new Date().toISOString();
        if (live) setState({ key, value: { status: 'ready', data, fetchedAt, fromCache: false } });
        await rememberResponse(key, data, fetchedAt).catch(() => undefined);
      },
      async (error: unknown) => {
        const cached = await cachedResponse<T>(key).catch(() => undefined);
        if (!live) return;
        setState({
          key,
          value: cached ? { status: 'ready', data: cached.data, fetchedAt: cached.fetchedAt, fromCache: true } : { status: 'error', error },
        });
      },
    );
    return () => {
      live = false;
    };
  }, [key, attempt]);
  return { state: state.key === key ? state.value : { status: 'loading' }, reload: () => setAttempt((n) => n + 1) };
}
