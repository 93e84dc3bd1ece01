import { lazy, Suspense } from 'react';
import { Link, NavLink, Outlet, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import { CircleUser, LogIn } from 'lucide-react';
import { paths } from './paths';
import { StorageProblem } from '../ui/StorageProblem';
import { ReloadPrompt } from '../pwa/ReloadPrompt';
import { Loading } from '../ui/Loading';
import { PageErrorBoundary } from './PageErrorBoundary';
import { useKeepContentOffline } from '../ui/useKeepContentOffline';
import { useSignedInAccount, type SignedInAccount } from '../db/identity';
import { useFocusOnNavigate } from './useFocusOnNavigate';
import { loadAndIdle, useAfter } from '../ui/useAfter';
import { MainNavigation } from './MainNavigation';
import './Layout.css';

/*
 * The sync indicator (with the sync engine and Dexie behind it) and the service worker's
 * registration start once the page has loaded and the browser is idle: on a first visit on a
 * slow phone, their downloads and start-up work would otherwise delay the first paint
 * (Lighthouse's largest paint on Home is its introduction), then lengthen the task that starts
 * Home's progress. The indicator is not in the initial JavaScript either.
 */
const SyncIndicator = lazy(async () => ({ default: (await import('./SyncIndicator')).SyncIndicator }));

/**
 * The shell around every page: a top bar (brand, sync state, account) that stays one row
 * at every width, the main navigation (bottom tabs on phones, a rail on a PC), the page.
 */
export function Layout() {
  const { t } = useTranslation();
  const location = useLocation();
  useFocusOnNavigate();
  useKeepContentOffline();
  const account = useSignedInAccount();
  const idle = useAfter(loadAndIdle);
  const inQuiz = location.pathname.endsWith('/quiz');
  return (
    <div className="app">
      <a className="skip-link" href="#main">
        {t('layout.skipToContent')}
      </a>
      <header className="top-bar">
        <Link to={paths.home()} className="brand">
          <img src="/favicon.svg" alt="" width="32" height="32" />
          <span>{t('app.name')}</span>
        </Link>
        <div className="top-bar__actions">
          {idle && (
            <Suspense fallback={null}>
              <SyncIndicator />
            </Suspense>
          )}
          <AccountLink account={account} />
        </div>
      </header>
      <MainNavigation account={account} />
      <div className="app-body">
        <StorageProblem />
        <main id="main" className="app-main">
          <PageErrorBoundary resetKey={location.pathname}>
            <Suspense fallback={<Loading />}>
              <Outlet />
            </Suspense>
          </PageErrorBoundary>
        </main>
      </div>
      {idle && <ReloadPrompt paused={inQuiz} />}
    </div>
  );
}

/**
 * The person's account, or "Sign in" for a guest. One link whichever it shows, so when a
 * sign-in or sign-out replaces its text, the element (and the focus on it) stays.
 */
function AccountLink({ account }: { account: SignedInAccount | null }) {
  const { t } = useTranslation();
  const Icon = account ? CircleUser : LogIn;
  return (
    <NavLink to={account ? paths.account() : paths.signIn()} className={`top-bar__account${account ? ' top-bar__account--person' : ''}`}>
      <Icon aria-hidden size={24} />
      <span className="top-bar__account-label">{account ? account.name : t('nav.signIn')}</span>
    </NavLink>
  );
}
