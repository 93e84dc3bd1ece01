import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { ContentError } from '../content/load';

/** What to tell a learner when course content cannot be loaded. */
export function ContentProblem({ error, homeHref }: { error: ContentError; homeHref: string }) {
  const { t } = useTranslation();
  const message =
    error.kind === 'not-found'
      ? t('errors.contentNotFound')
      : error.kind === 'offline'
        ? t('errors.contentOffline')
        : t('errors.contentFailed');
  return (
    <>
      <h1>{error.kind === 'not-found' ? t('notFound.title') : t('errors.contentTitle')}</h1>
      <p role="alert">{message}</p>
      <p>
        <Link to={homeHref}>{t('errors.backHome')}</Link>
      </p>
    </>
  );
}
