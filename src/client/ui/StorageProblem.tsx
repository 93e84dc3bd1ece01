import { useTranslation } from 'react-i18next';
import { useUnsavedCount } from '../db/storage';
import { databaseName, useAccountKey } from '../db/identity';
import { useAction } from './useAction';
import { ActionError } from './ActionError';

/** Tells the learner, in plain words, that the device is full and what is kept where. */
export function StorageProblem() {
  const { t } = useTranslation();
  const count = useUnsavedCount(databaseName(useAccountKey()));
  // The write path loads when it is needed, not with the first page.
  const retry = useAction(async () => (await import('../db/actions')).retryUnsaved());
  if (count === 0) return null;
  return (
    <div role="alert" className="notice notice--error">
      <p>
        <strong>{t('storage.fullTitle')}</strong> {t('storage.fullBody', { count })}
      </p>
      <button type="button" disabled={retry.status === 'running'} onClick={() => retry.run()}>
        {t('storage.retry')}
      </button>
      <ActionError error={retry.error} />
    </div>
  );
}
