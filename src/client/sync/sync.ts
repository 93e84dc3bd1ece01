/*
 * The app's one sync engine, started while someone is signed in, and the hooks that show
 * its state. Guests never sync: their records stay on the device until they sign in.
 */
import { useSyncExternalStore } from 'react';
import { CSRF_HEADERS } from '../api/client';
import { onIdentityChange, signedInAccount } from '../db/identity';
import { SyncEngine, type SyncStatus } from './engine';

export const syncEngine = new SyncEngine(
  {
    fetch: (input, init) => fetch(input, init),
    headers: () => ({ ...CSRF_HEADERS }),
    ownStatementsOnly: () => {
      const account = signedInAccount();
      return account && account.role !== 'learner' ? account.actor : undefined;
    },
  },
  () => typeof navigator === 'undefined' || navigator.onLine,
  () => void requestBackgroundSync(),
);

/** Start syncing when signed in, stop when signed out; follows every change of person. */
export function runSyncWhileSignedIn(): () => void {
  const apply = () => {
    if (signedInAccount()) {
      syncEngine.stop();
      syncEngine.start();
    } else {
      syncEngine.stop();
    }
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
