// First, so the base styles come before every component's stylesheet and they can refine it.
import './ui/styles.css';
import { StrictMode, startTransition } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { AppRoutes } from './app/routes';
import { initI18n } from './i18n/i18n';
import { applyTextSize, applyTheme, followDeviceTheme } from './ui/preferences';
import { hasUnsaved, requestPersistentStorage } from './db/storage';
import { currentAccountKey, databaseName, onIdentityChange, signedInAccount } from './db/identity';
import { afterPageLoad, nextIdle } from './content/idle';

applyTextSize();
applyTheme();
followDeviceTheme();
// Ask once at start: browsers grant it silently to installed or frequently used apps. Settings
// shows the answer and can ask again.
requestPersistentStorage().catch(() => undefined);

/** Runs `start` once somebody is signed in: now, or at the first sign-in of this tab. */
function whenSignedIn(start: () => void): void {
  if (signedInAccount()) {
    start();
    return;
  }
  const stop = onIdentityChange(() => {
    if (!signedInAccount()) return;
    stop();
    start();
  });
}

/**
 * What can wait until the first screen is rendered and the browser is idle, so that it never
 * competes with the first route's requests on a slow connection. Code a guest with nothing to
 * recover does not use (the write path, sync, the person's settings) is not loaded at all, so a
 * first visit on a slow phone runs none of it. Its code is precached with the app; should a
 * load fail anyway, the next start tries again (records wait in the database meanwhile).
 */
function startBackgroundWork(): void {
  // Statements that storage had no room for are kept per person: write this person's now, and
  // the next person's when they sign in. If it fails again, they stay kept and the banner says so.
  const recoverThisPersonsUnsaved = () => {
    if (!hasUnsaved(databaseName(currentAccountKey()))) return;
    import('./db/actions').then((actions) => actions.recoverUnsaved()).catch(() => undefined);
  };
  recoverThisPersonsUnsaved();
  onIdentityChange(recoverThisPersonsUnsaved);
  // A sign-out made offline on a shared PC reaches the server when the connection returns.
  import('./api/pendingSignOut').then(
    (pending) => pending.sendOwedSignOuts(),
    () => undefined,
  );
  whenSignedIn(() => {
    // A signed-in person's text size and theme follow them from device to device (State resource).
    import('./sync/followPersonSettings').then(
      (settings) => settings.followPersonSettings(),
      () => undefined,
    );
    // Sync runs for signed-in people only; it follows every later change of person.
    import('./sync/sync').then(
      (sync) => sync.runSyncWhileSignedIn(),
      () => undefined,
    );
  });
}

function render(): void {
  const root = document.getElementById('root');
  if (!root) return;
  const app = createRoot(root);
  // A transition renders in slices of a few milliseconds, yielding to the browser between them,
  // so the first render of a page never blocks a slow phone's main thread for long.
  startTransition(() => {
    app.render(
      <StrictMode>
        <BrowserRouter>
          <AppRoutes />
        </BrowserRouter>
      </StrictMode>,
    );
  });
}

// Without the learner's language (a failed load), the app still starts, in English.
initI18n()
  .then(render, render)
  .then(afterPageLoad)
  .then(nextIdle)
  .then(startBackgroundWork)
  .catch(() => undefined);
