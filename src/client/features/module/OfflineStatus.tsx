import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CircleCheck } from 'lucide-react';
import type { Catalog } from '../../../shared/content/compiled';
import type { ContentLocale } from '../../../shared/content/locales';
import { downloadModule, isModuleOffline } from '../../content/offline';
import { useFormat } from '../../i18n/format';
import { useOnline } from '../../ui/useOnline';
import { RecordingsOffline } from './RecordingsOffline';
import './OfflineStatus.css';

/** Whether this module can be studied without a connection, with a way to make it so. */
export function OfflineStatus({ catalog, moduleId, locale }: { catalog: Catalog; moduleId: string; locale: ContentLocale }) {
  const { t } = useTranslation();
  const format = useFormat();
  const online = useOnline();
  const storage = catalog.modules.find((m) => m.id === moduleId)?.storage?.[locale];
  const [state, setState] = useState<'checking' | 'available' | 'missing' | 'downloading' | 'failed'>('checking');
  useEffect(() => {
    let live = true;
    isModuleOffline(catalog, moduleId, locale).then(
      (offline) => live && setState(offline ? 'available' : 'missing'),
      () => live && setState('missing'),
    );
    return () => {
      live = false;
    };
  }, [catalog, moduleId, locale]);

  const download = () => {
    setState('downloading');
    downloadModule(catalog, moduleId, locale).then(
      () => setState('available'),
      () => setState('failed'),
    );
  };

  return (
    <>
      <div className="offline-status" role="status">
        {state === 'available' && (
          <p className="with-icon">
            <CircleCheck aria-hidden="true" className="icon--success" />
            {t('module.offlineAvailable')}
          </p>
        )}
        {state === 'checking' && <p>{t('common.loading')}</p>}
        {state === 'downloading' && <p>{t('module.offlineDownloading')}</p>}
        {(state === 'missing' || state === 'failed') && (
          <>
            <p>{state === 'failed' ? t('module.offlineFailed') : t('module.offlineMissing')}</p>
            <button type="button" onClick={download} disabled={!online}>
              {t('module.offlineDownload')}
            </button>
          </>
        )}
      </div>
      {/* Outside the live region: the size is read with the page, not announced again as storing goes on. */}
      {storage && (
        <p className="offline-status__size">
          {storage.videoBytes > 0
            ? t('module.storageSizeWithVideo', {
                size: format.bytes(storage.bytes),
                withVideo: format.bytes(storage.bytes + storage.videoBytes),
              })
            : t('module.storageSize', { size: format.bytes(storage.bytes) })}
        </p>
      )}
      {storage && storage.videoBytes > 0 && <RecordingsOffline catalog={catalog} moduleId={moduleId} videoBytes={storage.videoBytes} />}
    </>
  );
}
