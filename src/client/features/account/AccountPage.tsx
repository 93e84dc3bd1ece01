import { useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { paths } from '../../app/paths';
import { removeLocalData } from '../../db/accounts';
import { useSignedInAccount } from '../../db/identity';
import { useRefusedStatements } from '../../db/outbox';
import { usePageTitle } from '../../ui/usePageTitle';
import { SyncDetails } from '../../ui/SyncDetails';
import { useFormat } from '../../i18n/format';
import { SignOut } from './SignOut';

export function AccountPage() {
  const { t } = useTranslation();
  usePageTitle(t('account.title'));
  const format = useFormat();
  const account = useSignedInAccount();
  const refused = useRefusedStatements();
  const [removed, setRemoved] = useState(false);

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
            onClick={() =>
              void removeLocalData().then(() => {
                setRemoved(true);
                window.location.assign(paths.home());
              })
            }
          >
            {t('account.guestDataRemove')}
          </button>
          <p role="status">{removed ? t('account.guestDataRemoved') : ''}</p>
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
                <span className="muted">{row.problem}</span>
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
