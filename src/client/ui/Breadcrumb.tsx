import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { paths } from '../app/paths';

/** "Catalogue › <module> › <here>": the trail to a page inside a module. */
export function Breadcrumb({ module, here }: { module?: { id: string; title: string }; here: string }) {
  const { t } = useTranslation();
  return (
    <nav aria-label={t('layout.breadcrumb')} className="breadcrumb">
      <ol>
        <li>
          <Link to={paths.catalog()}>{t('nav.catalog')}</Link>
        </li>
        {module && (
          <li>
            <Link to={paths.module(module.id)}>{module.title}</Link>
          </li>
        )}
        <li aria-current="page">{here}</li>
      </ol>
    </nav>
  );
}
