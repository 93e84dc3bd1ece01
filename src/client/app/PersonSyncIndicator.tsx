import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useWaitingCount } from '../db/hooks';
import { useSyncMeta } from '../db/outbox';
import { syncEngine, useSyncStatus } from '../sync/sync';
import { useFormat } from '../i18n/format';
import { useOnline } from '../ui/useOnline';
import { useSyncErrorText } from '../ui/SyncDetails';
import { paths } from './paths';
import { SyncIndicatorView } from './SyncIndicatorView';

/**
 * A signed-in person's sync indicator: what waits in the outbox, the sync engine's state, the
 * last sync and "Sync now". Its code (the engine, the database) loads only for signed-in people.
 */
export function PersonSyncIndicator() {
  const { t } = useTranslation();
  const format = useFormat();
  const online = useOnline();
  const status = useSyncStatus();
  const meta = useSyncMeta();
  const waiting = useWaitingCount();
  const error = status.lastError === 'offline' ? undefined : status.lastError;
  const errorText = useSyncErrorText(status.needsSignIn && !error ? 'session-expired' : error);
  return (
    <SyncIndicatorView
      snapshot={{ online, signedIn: true, waiting, running: status.running, error, needsSignIn: status.needsSignIn }}
      errorText={errorText}
      panel={({ progress, close }) => (
        <>
          <p className="sync-panel__state">{progress}</p>
          <p>{meta?.lastSuccessAt ? t('sync.lastSuccess', { time: format.dateTime(meta.lastSuccessAt) }) : t('sync.never')}</p>
          {!online && <p>{t('sync.errors.offline')}</p>}
          {errorText && <p className="field__error">{errorText}</p>}
          {status.needsSignIn ? (
            <Link className="button" to={paths.signIn()} onClick={close}>
              {t('sync.signInAgain')}
            </Link>
          ) : (
            <button type="button" disabled={!online || status.running} onClick={syncEngine.requestSync}>
              {t('sync.syncNow')}
            </button>
          )}
        </>
      )}
    />
  );
}
