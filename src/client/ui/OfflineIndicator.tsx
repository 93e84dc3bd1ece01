import { useTranslation } from 'react-i18next';
import { useOnline } from './useOnline';

export function OfflineIndicator() {
  const { t } = useTranslation();
  const online = useOnline();
  return (
    <div role="status" className={online ? 'visually-hidden' : 'offline-banner'}>
      {online ? '' : t('offline.banner')}
    </div>
  );
}
