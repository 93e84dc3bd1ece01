import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ChevronRight, CircleUser, UserPlus } from 'lucide-react';
import { useSignedInAccount } from '../db/identity';
import { usePageTitle } from '../ui/usePageTitle';
import { usePlaces } from './MainNavigation';
import { paths } from './paths';
import './MorePage.css';

/**
 * The phone's "More" tab: every place the bottom tabs have no room for (by role), and the
 * account. "Sign in" itself stays in the top bar; a guest is offered an account here instead.
 */
export function MorePage() {
  const { t } = useTranslation();
  usePageTitle(t('nav.more'));
  const account = useSignedInAccount();
  const places = usePlaces(account).filter((place) => place.where === 'rail');
  return (
    <>
      <h1>{t('nav.more')}</h1>
      <p className="lead">{t('nav.moreIntro')}</p>
      <ul className="more-list">
        {places.map(({ to, label, Icon }) => (
          <li key={to}>
            <Link to={to} className="more-list__link">
              <Icon aria-hidden size={22} />
              <span>{label}</span>
              <ChevronRight aria-hidden size={20} className="more-list__chevron" />
            </Link>
          </li>
        ))}
        {account && (
          <li>
            <Link to={paths.account()} className="more-list__link">
              <CircleUser aria-hidden size={22} />
              <span>{t('account.title')}</span>
              <ChevronRight aria-hidden size={20} className="more-list__chevron" />
            </Link>
          </li>
        )}
      </ul>
      {!account && (
        <section className="card more-account" aria-labelledby="more-guest-heading">
          <h2 id="more-guest-heading">{t('account.title')}</h2>
          <p>{t('sync.guest')}</p>
          <p>
            <Link to={paths.signUp()} className="more-list__inline">
              <UserPlus aria-hidden size={20} />
              <span>{t('account.signUpLink')}</span>
            </Link>
          </p>
        </section>
      )}
    </>
  );
}
