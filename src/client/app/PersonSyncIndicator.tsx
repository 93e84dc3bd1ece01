import { useTranslation } from 'react-i18next';
import { SyncAction, useSyncErrorText, useSyncState } from '../ui/SyncDetails';
import { SyncIndicatorView } from './SyncIndicatorView';

/**
 * A signed-in person's sync indicator: what waits in the outbox, the sync engine's state, the
 * last sync and "Sync now". Its code (the engine, the database) loads only for signed-in people.
 */
export function PersonSyncIndicator() {
  const { t } = useTranslation();
  const sync = useSyncState();
  const { online, status } = sync;
  const error = status.lastError === 'offline' ? undefined : status.lastError;
  const errorText = useSyncErrorText(status.needsSignIn && !error ? 'session-expired' : error);
  return (
    <SyncIndicatorView
      snapshot={{ online, signedIn: true, waiting: sync.waiting, running: status.running, error, needsSignIn: status.needsSignIn }}
      errorText={errorText}
      panel={({ progress, close }) => (
        <>
          <p className="sync-panel__state">{progress}</p>
          <p>{sync.lastSuccess}</p>
          {!online && <p>{t('sync.errors.offline')}</p>}
          {errorText && <p className="field__error">{errorText}</p>}
          <SyncAction sync={sync} onSignIn={close} />
        </>
      )}
    />
  );
}
