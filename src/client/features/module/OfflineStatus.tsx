import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Catalog } from '../../../shared/content/compiled';
import type { ContentLocale } from '../../../shared/content/locales';
import { downloadModule, isModuleOffline } from '../../content/offline';
import { useOnline } from '../../ui/useOnline';

/** Whether this module can be studied without a connection, with a way to make it so. */
export function OfflineStatus({ catalog, moduleId, locale }: { catalog: Catalog; moduleId: string; locale: ContentLocale }) {
  const { t } = useTranslation();
  const online = useOnline();
  const [state, setState] = useState<'checking' | 'available' | 'missing' | 'downloading' | 'failed'>('checking');
  useEffect(() => {
    let live = true;
    void isModuleOffline(catalog, moduleId, locale).then((offline) => live && setState(offline ? 'available' : 'missing'));
    return () => {
      live = false;
    };
  }, [catalog, moduleId, locale]);

  const download = async () => {
    setState('downloading');
    try {
      await downloadModule(catalog, moduleId, locale);
      setState('available');
    } catch {
      setState('failed');
    }
  };

  return (
    <div className="offline-status" role="status">
      {state === 'available' && (
        <p>
          <span aria-hidden="true">✓</span> {t('module.offlineAvailable')}
        </p>
      )}
      {state === 'checking' && <p>{t('common.loading')}</p>}
      {state === 'downloading' && <p>{t('module.offlineDownloading')}</p>}
      {(state === 'missing' || state === 'failed') && (
        <>
          <p>{state === 'failed' ? t('module.offlineFailed') : t('module.offlineMissing')}</p>
          <button type="button" onClick={() => void download()} disabled={!online}>
            {t('module.offlineDownload')}
          </button>
        </>
      )}
    </div>
  );
}
