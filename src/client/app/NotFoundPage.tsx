import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { paths } from './paths';
import { usePageTitle } from '../ui/usePageTitle';

export function NotFoundPage() {
  const { t } = useTranslation();
  usePageTitle(t('notFound.title'));
  return (
    <>
      <h1>{t('notFound.title')}</h1>
      <p>{t('notFound.body')}</p>
      <p>
        <Link to={paths.catalog()}>{t('notFound.toCatalog')}</Link>
      </p>
    </>
  );
}
