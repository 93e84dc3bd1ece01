import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useWaitingCount } from '../db/hooks';
import { useSyncMeta } from '../db/outbox';
import { useSignedInAccount } from '../db/identity';
import { syncEngine, useSyncStatus } from '../sync/sync';
import { useFormat } from '../i18n/format';
import { useOnline } from './useOnline';
import { paths } from '../app/paths';
import { useSyncErrorText } from './SyncDetails';

/** The one-line sync state under the header, always visible: waiting, last sync, last problem. */
export function SyncBar() {
  const { t } = useTranslation();
  const format = useFormat();
  const online = useOnline();
  const account = useSignedInAccount();
  const status = useSyncStatus();
  const meta = useSyncMeta();
  const waiting = useWaitingCount() ?? 0;
  const errorText = useSyncErrorText(status.lastError === 'offline' ? undefined : status.lastError);
  if (!account) {
    return (
      <p className="sync-bar">
        {t('sync.guest')} <Link to={paths.signIn()}>{t('account.signInLink')}</Link>
      </p>
    );
  }
  return (
    <div className="sync-bar" role="status">
      <span>{status.running ? t('sync.running') : waiting ? t('sync.waiting', { count: waiting }) : t('sync.allSent')}</span>
      <span>{meta?.lastSuccessAt ? t('sync.lastSuccess', { time: format.dateTime(meta.lastSuccessAt) }) : t('sync.never')}</span>
      {errorText && <span className="field__error">{errorText}</span>}
      {status.needsSignIn ? (
        <Link to={paths.signIn()}>{t('sync.signInAgain')}</Link>
      ) : (
        <button
          type="button"
          className="button--small button--secondary"
          disabled={!online || status.running}
          onClick={() => void syncEngine.sync()}
        >
          {t('sync.syncNow')}
        </button>
      )}
    </div>
  );
}
