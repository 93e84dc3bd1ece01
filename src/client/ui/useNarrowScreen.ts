import { useSyncExternalStore } from 'react';

/**
 * Below this width a page shows lists instead of wide tables: the cohort as learner cards, My
 * learning's modules and quiz history as one block each.
 */
export const NARROW_QUERY = '(max-width: 47.99rem)';

// jsdom (the unit tests) has no matchMedia: there the tables are shown, as on a PC.
const media = (): MediaQueryList | undefined => (typeof window.matchMedia === 'function' ? window.matchMedia(NARROW_QUERY) : undefined);

const subscribe = (onChange: () => void) => {
  const list = media();
  list?.addEventListener('change', onChange);
  return () => list?.removeEventListener('change', onChange);
};

/**
 * Whether the screen is phone-sized. One of the two views is rendered, not both hidden by CSS,
 * so a page of 50 learners does not build 50 cards and 50 rows of module cells, and a test or a
 * screen reader finds each thing once.
 */
export function useNarrowScreen(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => media()?.matches ?? false,
    () => false,
  );
}
