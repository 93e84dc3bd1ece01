import { useCallback, useEffect, useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { modulesApi } from '../../api/modules';
import type { ModuleSummary } from '../../../shared/content/modulePackages';
import { useSignedInAccount } from '../../db/identity';
import { paths } from '../../app/paths';
import { apiErrorMessage } from '../../ui/apiErrorMessage';
import { usePageTitle } from '../../ui/usePageTitle';
import { AdminSections } from './AdminSections';
import { ModuleList } from './ModuleList';
import { ImportPackage } from './ImportPackage';
import { PathwayEditor } from './PathwayEditor';
import { moduleTitle } from './moduleTitle';

type Listing = { state: 'loading' } | { state: 'failed'; error: string } | { state: 'ready'; modules: ModuleSummary[] };

/**
 * The course's modules as packages on the server: the list with each module's version,
 * languages, size and who imported it when; download, retire and restore; the import of a
 * new package; and the pathways' editor. Needs a connection, as every coordinator page.
 */
export function ModulesPage() {
  const { t } = useTranslation();
  const { t: tm } = useTranslation('modulesAdmin');
  usePageTitle(tm('title'));
  const account = useSignedInAccount();
  const coordinating = account?.role === 'coordinator';
  const [listing, setListing] = useState<Listing>({ state: 'loading' });
  const [notice, setNotice] = useState('');

  const load = useCallback(() => {
    modulesApi.list().then(
      (modules) => setListing({ state: 'ready', modules }),
      (failure: unknown) => setListing({ state: 'failed', error: apiErrorMessage(t, failure) }),
    );
  }, [t]);

  useEffect(() => {
    if (!coordinating) return;
    let live = true;
    modulesApi.list().then(
      (modules) => live && setListing({ state: 'ready', modules }),
      (failure: unknown) => live && setListing({ state: 'failed', error: apiErrorMessage(t, failure) }),
    );
    return () => {
      live = false;
    };
  }, [coordinating, t]);

  if (!coordinating) {
    return (
      <>
        <h1>{tm('title')}</h1>
        <p role="alert">{t('admin.onlyCoordinators')}</p>
        <p>
          <Link to={paths.signIn()}>{t('account.signInLink')}</Link>
        </p>
      </>
    );
  }

  /** A change the server made: said in the status line, then the list is read again. */
  const changed = (message: string) => {
    setNotice(message);
    load();
  };

  return (
    <>
      <h1>{tm('title')}</h1>
      <AdminSections />
      <p className="lead">{tm('intro')}</p>
      <p role="status">{notice}</p>
      <ImportPackage
        onImported={({ module, created }) => {
          const words = { title: moduleTitle(module).text, version: String(module.version) };
          changed(created ? tm('added', words) : tm('updated', words));
        }}
      />
      <section aria-labelledby="modules-list-heading">
        <h2 id="modules-list-heading">{tm('listTitle')}</h2>
        {listing.state === 'loading' && <p>{t('common.loading')}</p>}
        {listing.state === 'failed' && (
          <div role="alert" className="notice notice--error">
            <p>{listing.error}</p>
            <button type="button" className="button--secondary button--small" onClick={load}>
              {tm('tryAgain')}
            </button>
          </div>
        )}
        {listing.state === 'ready' && (
          <ModuleList
            modules={listing.modules}
            onRetire={async (module) => {
              await modulesApi.retire(module.id);
              changed(tm('retiredNotice', { title: moduleTitle(module).text }));
            }}
            onRestore={async (module) => {
              await modulesApi.restore(module.id);
              changed(tm('restoredNotice', { title: moduleTitle(module).text }));
            }}
          />
        )}
      </section>
      {listing.state === 'ready' && <PathwayEditor modules={listing.modules} />}
    </>
  );
}
