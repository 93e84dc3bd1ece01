import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { useSignedInAccount } from '../db/identity';
import { useOnline } from '../ui/useOnline';
import { SyncIndicatorView } from './SyncIndicatorView';

/*
 * A guest has nothing to sync: their indicator (shown only while offline) needs neither the sync
 * engine nor the database, so a guest's first visit loads neither for it. A signed-in person's
 * indicator is a chunk of its own with both.
 */
const PersonSyncIndicator = lazy(async () => ({ default: (await import('./PersonSyncIndicator')).PersonSyncIndicator }));

/** The sync state in the top bar, for whoever uses the app now. */
export function SyncIndicator() {
  const account = useSignedInAccount();
  // Keyed by person: a sign-in or sign-out starts the live region's memory afresh.
  return account ? (
    <Suspense fallback={null}>
      <PersonSyncIndicator key={account.id} />
    </Suspense>
  ) : (
    <GuestSyncIndicator />
  );
}

function GuestSyncIndicator() {
  const { t } = useTranslation();
  const online = useOnline();
  return (
    <SyncIndicatorView
      snapshot={{ online, signedIn: false, waiting: undefined, running: false, error: undefined, needsSignIn: false }}
      errorText=""
      panel={() => (
        <>
          <p>{t('offline.banner')}</p>
          <p>{t('sync.guest')}</p>
        </>
      )}
    />
  );
}
