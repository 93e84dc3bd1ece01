import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useWaitingCount } from '../db/hooks';
import { useSyncMeta } from '../db/outbox';
import { useSignedInAccount } from '../db/identity';
import { syncEngine, useSyncStatus } from '../sync/sync';
import type { SyncErrorCode } from '../sync/engine';
import { useFormat } from '../i18n/format';
import { useOnline } from './useOnline';
import { paths } from '../app/paths';

export function useSyncErrorText(code: SyncErrorCode | string | undefined): string {
  const { t } = useTranslation();
  switch (code) {
    case 'offline':
      return t('sync.errors.offline');
    case 'session-expired':
    case 'signed-out':
      return t('sync.errors.sessionExpired');
    case 'forbidden':
      return t('sync.errors.forbidden');
    case 'network':
      return t('sync.errors.network');
    case 'server':
      return t('sync.errors.server');
    default:
      return '';
  }
}

export type SyncState = ReturnType<typeof useSyncState>;

/** What a signed-in person's sync is doing: connection, the engine, the outbox and the last success in words. */
export function useSyncState() {
  const { t } = useTranslation();
  const format = useFormat();
  const online = useOnline();
  const status = useSyncStatus();
  const meta = useSyncMeta();
  const waiting = useWaitingCount();
  const lastSuccess = meta?.lastSuccessAt ? t('sync.lastSuccess', { time: format.dateTime(meta.lastSuccessAt) }) : t('sync.never');
  return { online, status, meta, waiting, lastSuccess };
}

/** "Sync now", or "Sign in again" once the session has ended (`onSignIn` hears the link followed). */
export function SyncAction({ sync, onSignIn }: { sync: SyncState; onSignIn?: () => void }) {
  const { t } = useTranslation();
  if (sync.status.needsSignIn)
    return (
      <Link className="button" to={paths.signIn()} onClick={onSignIn}>
        {t('sync.signInAgain')}
      </Link>
    );
  return (
    <button type="button" disabled={!sync.online || sync.status.running} onClick={syncEngine.requestSync}>
      {t('sync.syncNow')}
    </button>
  );
}

/** The sync state in full: waiting, last success, last error, and "Sync now". */
export function SyncDetails() {
  const { t } = useTranslation();
  const sync = useSyncState();
  const { status, waiting } = sync;
  const account = useSignedInAccount();
  const errorText = useSyncErrorText(status.lastError ?? sync.meta?.lastError);
  if (!account) return null;
  const action = <SyncAction sync={sync} />;
  return (
    <section aria-labelledby="sync-heading" className="card">
      <h2 id="sync-heading">{t('sync.title')}</h2>
      {/* Not a live region: the top bar's sync indicator announces what matters, once. */}
      <p>
        {status.running ? t('sync.running') : waiting ? t('sync.waiting', { count: waiting }) : t('sync.allSent')}
        {' · '}
        {sync.lastSuccess}
      </p>
      {errorText && <p className="field__error">{errorText}</p>}
      {/* The link to sign in again sits in a paragraph of its own; the button stands alone. */}
      {status.needsSignIn ? <p>{action}</p> : action}
    </section>
  );
}
