import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { ContentError } from '../content/load';

/** What to tell a learner when course content cannot be loaded; `headingLevel` 2 below a page's own title. */
export function ContentProblem({ error, homeHref, headingLevel = 1 }: { error: ContentError; homeHref: string; headingLevel?: 1 | 2 }) {
  const Heading = headingLevel === 1 ? 'h1' : 'h2';
  const { t } = useTranslation();
  const message =
    error.kind === 'not-found'
      ? t('errors.contentNotFound')
      : error.kind === 'offline'
        ? t('errors.contentOffline')
        : t('errors.contentFailed');
  return (
    <>
      <Heading>{error.kind === 'not-found' ? t('notFound.title') : t('errors.contentTitle')}</Heading>
      <p role="alert">{message}</p>
      <p>
        <Link to={homeHref}>{t('errors.backHome')}</Link>
      </p>
    </>
  );
}
