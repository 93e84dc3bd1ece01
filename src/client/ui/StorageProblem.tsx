import { useTranslation } from 'react-i18next';
import { retryUnsaved } from '../db/actions';
import { useUnsavedCount } from '../db/storage';

/** Tells the learner, in plain words, that the device is full and what is kept where. */
export function StorageProblem() {
  const { t } = useTranslation();
  const count = useUnsavedCount();
  if (count === 0) return null;
  return (
    <div role="alert" className="notice notice--error">
      <p>
        <strong>{t('storage.fullTitle')}</strong> {t('storage.fullBody', { count })}
      </p>
      <button type="button" onClick={() => void retryUnsaved()}>
        {t('storage.retry')}
      </button>
    </div>
  );
}
