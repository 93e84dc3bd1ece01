import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useCatalog } from '../content/load';
import { storeContentForOffline } from '../content/offline';
import { currentContentLocale } from '../i18n/i18n';
import { useOnline } from './useOnline';

/** Whenever the app is online, make sure the course in the learner's language is stored for offline study. */
export function useKeepContentOffline(): void {
  const catalog = useCatalog();
  const online = useOnline();
  const { i18n } = useTranslation();
  const locale = currentContentLocale(i18n.language);
  const data = catalog.status === 'ready' ? catalog.data : undefined;
  useEffect(() => {
    if (data && online) void storeContentForOffline(data, locale);
  }, [data, online, locale]);
}
