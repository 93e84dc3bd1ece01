/*
 * The app's one sync engine, started while someone is signed in, and the hooks that show
 * its state. Guests never sync: their records stay on the device until they sign in.
 */
import { useSyncExternalStore } from 'react';
import { CSRF_HEADERS } from '../api/client';
import { onIdentityChange, signedInAccount } from '../db/identity';
import { db } from '../db/schema';
import { refreshCatalog } from '../content/catalog';
import { SyncEngine, type SyncStatus } from './engine';

export const syncEngine = new SyncEngine({
  transport: {
    fetch: (input, init) => fetch(input, init),
    headers: () => ({ ...CSRF_HEADERS }),
    ownStatementsOnly: () => {
      const account = signedInAccount();
      return account && account.role !== 'learner' ? account.actor : undefined;
    },
  },
  isOnline: () => typeof navigator === 'undefined' || navigator.onLine,
  // Without Background Sync (or a service worker) the engine's own retries and the `online` event remain.
  onOffline: () => {
    requestBackgroundSync().catch(() => undefined);
  },
  // A coordinator may have imported or updated a module meanwhile: pages and the offline copy follow the new catalogue.
  onSynced: () => {
    refreshCatalog().catch(() => undefined);
  },
});

/**
 * Start syncing when signed in, stop when signed out; follows every change of person. The
 * engine is bound to the database of the person signed in now, so a round of the previous
 * person is aborted and never writes into this one's.
 */
export function runSyncWhileSignedIn(): () => void {
  const apply = () => {
    if (signedInAccount()) syncEngine.start(db());
    else syncEngine.stop();
  };
  apply();
  return onIdentityChange(apply);
}

export function useSyncStatus(): SyncStatus {
  return useSyncExternalStore(syncEngine.subscribe, syncEngine.getStatus, syncEngine.getStatus);
}

/** Ask the service worker to wake us when the connection returns, where Background Sync exists. */
export async function requestBackgroundSync(): Promise<void> {
  const registration = await navigator.serviceWorker?.ready.catch(() => undefined);
  const sync = (registration as (ServiceWorkerRegistration & { sync?: { register: (tag: string) => Promise<void> } }) | undefined)?.sync;
  await sync?.register('biblio-sync').catch(() => undefined);
}
