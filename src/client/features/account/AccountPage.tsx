import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { paths } from '../../app/paths';
import { removeLocalData } from '../../db/accounts';
import { useSignedInAccount } from '../../db/identity';
import { useRefusedStatements } from '../../db/outbox';
import { usePageTitle } from '../../ui/usePageTitle';
import { SyncDetails } from '../../ui/SyncDetails';
import { useFormat } from '../../i18n/format';
import { useAction } from '../../ui/useAction';
import { ActionError } from '../../ui/ActionError';
import { SignOut } from './SignOut';
import { refusalText } from './refusalText';

export function AccountPage() {
  const { t } = useTranslation();
  usePageTitle(t('account.title'));
  const format = useFormat();
  const account = useSignedInAccount();
  const refused = useRefusedStatements();
  // A fresh start of the app, so nothing of the removed data stays in memory either.
  const removeGuestData = useAction(removeLocalData, { onDone: () => window.location.assign(paths.home()) });

  if (!account) {
    return (
      <>
        <h1>{t('account.title')}</h1>
        <p className="lead">{t('account.guestIntro')}</p>
        <p className="inline-group">
          <Link className="button" to={paths.signIn()}>
            {t('account.signInLink')}
          </Link>
          <Link className="button button--secondary" to={paths.signUp()}>
            {t('account.signUpLink')}
          </Link>
        </p>
        <section aria-labelledby="guest-data-heading" className="card">
          <h2 id="guest-data-heading">{t('account.guestDataTitle')}</h2>
          <p>{t('account.guestDataBody')}</p>
          <button
            type="button"
            className="button--secondary"
            disabled={removeGuestData.status === 'running'}
            onClick={() => removeGuestData.run()}
          >
            {t('account.guestDataRemove')}
          </button>
          <p role="status">{removeGuestData.status === 'done' ? t('account.guestDataRemoved') : ''}</p>
          <ActionError error={removeGuestData.error} />
        </section>
      </>
    );
  }

  return (
    <>
      <h1>{t('account.title')}</h1>
      <dl className="facts">
        <div>
          <dt>{t('account.name')}</dt>
          <dd>{account.name}</dd>
        </div>
        <div>
          <dt>{t('account.login')}</dt>
          <dd>{account.login}</dd>
        </div>
        <div>
          <dt>{t('account.role')}</dt>
          <dd>{t(`account.roles.${account.role}`)}</dd>
        </div>
      </dl>
      <SyncDetails />
      {refused && refused.length > 0 && (
        <section aria-labelledby="refused-heading" className="card">
          <h2 id="refused-heading">{t('sync.refusedTitle')}</h2>
          <p>{t('sync.refusedBody', { count: refused.length })}</p>
          <ul>
            {refused.map((row) => (
              <li key={row.id}>
                {format.dateTime(row.timestamp)} · <code>{row.statement.verb.id.split('/').pop()}</code> ·{' '}
                {refusalText(t, row.problem ?? '')}
                {row.problem && (
                  <details>
                    <summary>{t('sync.refusedDetails')}</summary>
                    <span className="muted" lang="en">
                      {row.problem}
                    </span>
                  </details>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}
      {account.role === 'coordinator' && (
        <p>
          <Link to={paths.admin()}>{t('admin.title')}</Link>
        </p>
      )}
      <SignOut />
    </>
  );
}
