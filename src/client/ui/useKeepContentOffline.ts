import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { onCatalogChange, refreshCatalog } from '../content/catalog';
import { whenFirstScreenIsIdle } from '../content/idle';
import { currentContentLocale } from '../i18n/i18n';
import { useOnline } from './useOnline';

/**
 * Whenever the app is online, make sure the course in the learner's language is stored for
 * offline study: once the first screen is idle and the service worker active, never before.
 * The catalogue is asked for again then (an import may have changed it while the device was
 * offline), and every newer catalogue a sync brings is stored too, so modules stored offline
 * move to their new version's files. The storing code is fetched only then, so it does not
 * compete with the first page.
 */
export function useKeepContentOffline(): void {
  const online = useOnline();
  const { i18n } = useTranslation();
  const locale = currentContentLocale(i18n.language);
  useEffect(() => {
    if (!online) return;
    let current = true;
    let stopFollowing: (() => void) | undefined;
    whenFirstScreenIsIdle()
      .then(() => Promise.all([refreshCatalog(), import('../content/offline')]))
      .then(
        // A run reports its own failure in the progress Settings shows, and retries by itself.
        ([catalog, offline]) => {
          if (!current) return;
          offline.storeContentForOffline(catalog, locale).catch(() => undefined);
          stopFollowing = onCatalogChange((next) => {
            if (navigator.onLine) offline.storeContentForOffline(next, locale).catch(() => undefined);
          });
        },
        // The catalogue or the storing code failed to load (offline at that moment): the next change of connection tries again.
        () => undefined,
      );
    return () => {
      current = false;
      stopFollowing?.();
    };
  }, [online, locale]);
}
