/*
 * Signing out offline cannot reach the server, so the session cookie would stay valid in
 * this browser (for up to SESSION_DAYS) on a shared PC. We remember that a sign-out is owed
 * and send it as soon as the connection returns, unless someone has signed in since.
 */
import { api } from './client';
import { signedInAccount } from '../db/identity';

const KEY = 'biblio-study:pending-sign-out';

/** End the server session; offline, remember to do it when the connection returns. */
export async function signOutOnServer(): Promise<void> {
  try {
    await api.signOut();
    localStorage.removeItem(KEY);
  } catch {
    try {
      localStorage.setItem(KEY, '1');
    } catch {
      // Nothing more can be done without storage; the cookie expires on its own.
    }
  }
}

async function flush(): Promise<void> {
  if (localStorage.getItem(KEY) !== '1') return;
  // Someone signed in since: their session is the one in the cookie now.
  if (signedInAccount()) {
    localStorage.removeItem(KEY);
    return;
  }
  await signOutOnServer();
}

/** Send an owed sign-out now and whenever the browser comes back online. */
export function sendOwedSignOuts(): void {
  // A sign-out that cannot be sent stays owed (signOutOnServer remembers it) for the next try.
  const tryNow = () => {
    flush().catch(() => undefined);
  };
  tryNow();
  window.addEventListener('online', tryNow);
}
