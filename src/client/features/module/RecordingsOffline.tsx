import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Catalog } from '../../../shared/content/compiled';
import { areRecordingsOffline, downloadRecordings, removeRecordings } from '../../content/offline';
import { useFormat } from '../../i18n/format';
import { useOnline } from '../../ui/useOnline';

/**
 * A module's video and audio on this device: not stored with the module (they are large), so
 * the learner stores them here, seeing their size first, and can remove them again.
 */
export function RecordingsOffline({ catalog, moduleId, videoBytes }: { catalog: Catalog; moduleId: string; videoBytes: number }) {
  const { t } = useTranslation();
  const format = useFormat();
  const online = useOnline();
  const [state, setState] = useState<'checking' | 'missing' | 'storing' | 'stored' | 'failed'>('checking');
  useEffect(() => {
    let live = true;
    areRecordingsOffline(catalog, moduleId).then(
      (stored) => live && setState(stored ? 'stored' : 'missing'),
      () => live && setState('missing'),
    );
    return () => {
      live = false;
    };
  }, [catalog, moduleId]);

  const storeThem = () => {
    setState('storing');
    downloadRecordings(catalog, moduleId).then(
      () => setState('stored'),
      () => setState('failed'),
    );
  };
  const removeThem = () => {
    removeRecordings(catalog, moduleId).then(
      () => setState('missing'),
      () => setState('stored'),
    );
  };

  return (
    <div className="offline-status" role="status">
      {state === 'stored' && (
        <>
          <p>{t('module.recordingsStored')}</p>
          <button type="button" onClick={removeThem}>
            {t('module.recordingsRemove')}
          </button>
        </>
      )}
      {state === 'storing' && <p>{t('module.recordingsStoring')}</p>}
      {(state === 'missing' || state === 'failed') && (
        <>
          {state === 'failed' && <p>{t('module.recordingsFailed')}</p>}
          <button type="button" onClick={storeThem} disabled={!online}>
            {t('module.recordingsStore', { size: format.bytes(videoBytes) })}
          </button>
        </>
      )}
    </div>
  );
}
