/*
 * The service worker's update prompt. With `registerType: 'prompt'` a new version waits
 * until the learner chooses to reload; while they are in a quiz (`paused`) the prompt is
 * not even shown, so nothing interrupts an attempt. "Ready to work offline" is news, not a
 * question: it leaves by itself. Both sit in a Toast, above the bottom tabs and never over
 * the focused element; Escape closes them.
 */
import { useRegisterSW } from 'virtual:pwa-register/react';
import { useTranslation } from 'react-i18next';
import { Toast } from '../ui/Toast';

export function ReloadPrompt({ paused }: { paused: boolean }) {
  const { t } = useTranslation();
  const {
    offlineReady: [offlineReady, setOfflineReady],
    needRefresh: [needRefresh, setNeedRefresh],
    updateServiceWorker,
  } = useRegisterSW();

  if (paused || (!offlineReady && !needRefresh)) return null;
  const dismiss = () => {
    setOfflineReady(false);
    setNeedRefresh(false);
  };
  return (
    <Toast
      label={t('pwa.regionLabel')}
      onDismiss={dismiss}
      autoDismissMs={needRefresh ? null : undefined}
      tone={needRefresh ? 'info' : 'success'}
      actions={
        needRefresh && (
          <>
            <button
              type="button"
              onClick={() => {
                // Should the new version fail to take over, a plain reload still brings the learner back to a working page.
                updateServiceWorker(true).catch(() => window.location.reload());
              }}
            >
              {t('pwa.reload')}
            </button>
            <button type="button" className="button--secondary" onClick={dismiss}>
              {t('pwa.dismiss')}
            </button>
          </>
        )
      }
    >
      <p>{needRefresh ? t('pwa.updateAvailable') : t('pwa.offlineReady')}</p>
    </Toast>
  );
}
