import { NavLink } from 'react-router';
import { useTranslation } from 'react-i18next';
import { paths } from '../../app/paths';
import './AdminSections.css';

/** The coordinator's pages side by side: cohorts and people, and the course's modules. */
export function AdminSections() {
  const { t } = useTranslation();
  const { t: tm } = useTranslation('modulesAdmin');
  return (
    <nav aria-label={t('admin.nav')} className="admin-sections">
      <ul>
        <li>
          <NavLink to={paths.admin()} end>
            {t('admin.title')}
          </NavLink>
        </li>
        <li>
          <NavLink to={paths.adminModules()}>{tm('title')}</NavLink>
        </li>
      </ul>
    </nav>
  );
}
