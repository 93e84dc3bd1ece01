import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { AppRoutes } from './app/routes';
import { initI18n } from './i18n/i18n';
import { applyTextSize } from './ui/preferences';
import { recoverUnsaved } from './db/actions';
import { requestPersistentStorage } from './db/storage';
import { runSyncWhileSignedIn } from './sync/sync';
import './ui/styles.css';

applyTextSize();
void recoverUnsaved();
// Ask once at start: browsers grant it silently to installed or frequently used apps.
void requestPersistentStorage();
runSyncWhileSignedIn();

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
