import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { contentPaths, type Catalog } from '../../shared/content/compiled';
import { fetchJson } from '../content/load';
import { whenFirstScreenIsIdle } from '../content/idle';
import { currentContentLocale } from '../i18n/i18n';
import { useOnline } from './useOnline';

/**
 * Whenever the app is online, make sure the course in the learner's language is stored for
 * offline study: once the first screen is idle and the service worker active, never before.
 * The catalogue (which names every file) and the storing code are fetched only then, so
 * neither competes with the first page.
 */
export function useKeepContentOffline(): void {
  const online = useOnline();
  const { i18n } = useTranslation();
  const locale = currentContentLocale(i18n.language);
  useEffect(() => {
    if (!online) return;
    let current = true;
    whenFirstScreenIsIdle()
      .then(() => Promise.all([fetchJson<Catalog>(contentPaths.catalog), import('../content/offline')]))
      .then(
        // A run reports its own failure in the progress Settings shows, and retries by itself.
        ([catalog, offline]) => {
          if (current) offline.storeContentForOffline(catalog, locale).catch(() => undefined);
        },
        // The catalogue or the storing code failed to load (offline at that moment): the next change of connection tries again.
        () => undefined,
      );
    return () => {
      current = false;
    };
  }, [online, locale]);
}
