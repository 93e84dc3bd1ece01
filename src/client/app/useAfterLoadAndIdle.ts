import { useEffect, useState } from 'react';
import { afterPageLoad, nextIdle } from '../content/idle';

/*
 * Whether the page has loaded and the browser has since been idle once. Parts of the shell that
 * a first screen does not need (the sync indicator and the service worker's registration) wait
 * for this, so their code does not start in the same task as the page's own next step (Home's
 * progress, right after the first paint): one long task on a slow phone becomes shorter ones.
 * Once true, it stays true: later pages render everything at once.
 */
let reached = false;

export function useAfterLoadAndIdle(): boolean {
  const [ready, setReady] = useState(reached);
  useEffect(() => {
    if (ready) return;
    let mounted = true;
    afterPageLoad()
      .then(nextIdle)
      .then(
        () => {
          reached = true;
          if (mounted) setReady(true);
        },
        () => undefined,
      );
    return () => {
      mounted = false;
    };
  }, [ready]);
  return ready;
}
