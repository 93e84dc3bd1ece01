import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { AppRoutes } from './app/routes';
import { initI18n } from './i18n/i18n';
import { applyTextSize } from './ui/preferences';
import { recoverUnsaved } from './db/actions';
import { requestPersistentStorage } from './db/storage';
import './ui/styles.css';

applyTextSize();
void recoverUnsaved();
// Ask once at start: browsers grant it silently to installed or frequently used apps.
void requestPersistentStorage();
// A sign-out made offline on a shared PC reaches the server when the connection returns.
void import('./api/pendingSignOut').then((pending) => pending.sendOwedSignOuts());
// Sync starts a moment after the first paint, for signed-in people only; guests never load it.
void import('./sync/sync').then((sync) => sync.runSyncWhileSignedIn());

void initI18n().then(() => {
  const root = document.getElementById('root');
  if (!root) return;
  createRoot(root).render(
    <StrictMode>
      <BrowserRouter>
        <AppRoutes />
      </BrowserRouter>
    </StrictMode>,
  );
});
