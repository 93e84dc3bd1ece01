/*
 * The service worker's update prompt. With `registerType: 'prompt'` a new version waits
 * until the learner chooses to reload; while they are in a quiz (`paused`) the prompt is
 * not even shown, so nothing interrupts an attempt.
 */
import { useRegisterSW } from 'virtual:pwa-register/react';
import { useTranslation } from 'react-i18next';

export function ReloadPrompt({ paused }: { paused: boolean }) {
  const { t } = useTranslation();
  const {
    offlineReady: [offlineReady, setOfflineReady],
    needRefresh: [needRefresh, setNeedRefresh],
    updateServiceWorker,
  } = useRegisterSW();

  if (paused || (!offlineReady && !needRefresh)) return null;
  return (
    <section className="toast" aria-label={t('pwa.regionLabel')} role="status">
      <p>{needRefresh ? t('pwa.updateAvailable') : t('pwa.offlineReady')}</p>
      <div className="toast__actions">
        {needRefresh && (
          <button type="button" onClick={() => void updateServiceWorker(true)}>
            {t('pwa.reload')}
          </button>
        )}
        <button
          type="button"
          className="button--secondary"
          onClick={() => {
            setOfflineReady(false);
            setNeedRefresh(false);
          }}
        >
          {t('pwa.dismiss')}
        </button>
      </div>
    </section>
  );
}
