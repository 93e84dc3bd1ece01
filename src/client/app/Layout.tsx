import { lazy, Suspense } from 'react';
import { NavLink, Outlet, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import { paths } from './paths';
import { OfflineIndicator } from '../ui/OfflineIndicator';
import { StorageProblem } from '../ui/StorageProblem';
import { ReloadPrompt } from '../pwa/ReloadPrompt';
import { Loading } from '../ui/Loading';
import { PageErrorBoundary } from './PageErrorBoundary';
import { useKeepContentOffline } from '../ui/useKeepContentOffline';
import { useSignedInAccount } from '../db/identity';
import { useFocusOnNavigate } from './useFocusOnNavigate';

// The sync bar (and the sync engine behind it) loads after the first paint: not in the initial JavaScript.
const SyncBar = lazy(async () => ({ default: (await import('../ui/SyncBar')).SyncBar }));

export function Layout() {
  const { t } = useTranslation();
  const location = useLocation();
  useFocusOnNavigate();
  useKeepContentOffline();
  const account = useSignedInAccount();
  const inQuiz = location.pathname.endsWith('/quiz');
  return (
    <div className="app">
      <a className="skip-link" href="#main">
        {t('layout.skipToContent')}
      </a>
      <header className="app-header">
        <div className="app-header__inner">
          <NavLink to={paths.home()} className="brand">
            <img src="/favicon.svg" alt="" width="28" height="28" />
            <span>{t('app.name')}</span>
          </NavLink>
          <nav aria-label={t('layout.mainNavigation')}>
            <ul className="nav-list">
              <li>
                <NavLink to={paths.home()} end>
                  {t('nav.home')}
                </NavLink>
              </li>
              <li>
                <NavLink to={paths.catalog()}>{t('nav.catalog')}</NavLink>
              </li>
              <li>
                <NavLink to={paths.learning()}>{t('nav.learning')}</NavLink>
              </li>
              <li>
                <NavLink to={paths.hours()}>{t('hours.nav')}</NavLink>
              </li>
              <li>
                <NavLink to={paths.settings()}>{t('nav.settings')}</NavLink>
              </li>
              {(account?.role === 'mentor' || account?.role === 'coordinator') && (
                <li>
                  <NavLink to={paths.mentor()}>{t('mentor.nav')}</NavLink>
                </li>
              )}
              {account?.role === 'coordinator' && (
                <li>
                  <NavLink to={paths.surveyReports()}>{t('reports.nav')}</NavLink>
                </li>
              )}
              {account?.role === 'coordinator' && (
                <li>
                  <NavLink to={paths.admin()}>{t('admin.nav')}</NavLink>
                </li>
              )}
              <li>
                <NavLink to={account ? paths.account() : paths.signIn()}>{account ? account.name : t('nav.signIn')}</NavLink>
              </li>
            </ul>
          </nav>
        </div>
        <OfflineIndicator />
        <Suspense fallback={null}>
          <SyncBar />
        </Suspense>
      </header>
      <StorageProblem />
      <main id="main" className="app-main">
        <PageErrorBoundary resetKey={location.pathname}>
          <Suspense fallback={<Loading />}>
            <Outlet />
          </Suspense>
        </PageErrorBoundary>
      </main>
      <ReloadPrompt paused={inQuiz} />
    </div>
  );
}
