import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useCatalog } from '../content/load';
import { currentContentLocale } from '../i18n/i18n';
import { useOnline } from './useOnline';

/**
 * Whenever the app is online, make sure the course in the learner's language is stored for
 * offline study. The storing code loads after the first page (it is not in the initial JavaScript).
 */
export function useKeepContentOffline(): void {
  const catalog = useCatalog();
  const online = useOnline();
  const { i18n } = useTranslation();
  const locale = currentContentLocale(i18n.language);
  const data = catalog.status === 'ready' ? catalog.data : undefined;
  useEffect(() => {
    if (!data || !online) return;
    // A chunk that cannot load now is tried again at the next change (online again, language).
    void import('../content/offline').then(
      ({ storeContentForOffline }) => storeContentForOffline(data, locale),
      () => undefined,
    );
  }, [data, online, locale]);
}
