import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { paths } from '../app/paths';
import './Breadcrumb.css';

type Props = {
  /** The module's title and the language it is written in (English on fallback). */
  module?: { id: string; title: string; lang?: string };
  here: string;
  /** The language of `here` when it is content (a lesson's or module's title), not a UI string. */
  hereLang?: string;
};

/** "Catalogue › <module> › <here>": the trail to a page inside a module. */
export function Breadcrumb({ module, here, hereLang }: Props) {
  const { t } = useTranslation();
  return (
    <nav aria-label={t('layout.breadcrumb')} className="breadcrumb">
      <ol>
        <li>
          <Link to={paths.catalog()}>{t('nav.catalog')}</Link>
        </li>
        {module && (
          <li>
            <Link to={paths.module(module.id)} lang={module.lang}>
              {module.title}
            </Link>
          </li>
        )}
        <li aria-current="page" lang={hereLang}>
          {here}
        </li>
      </ol>
    </nav>
  );
}
