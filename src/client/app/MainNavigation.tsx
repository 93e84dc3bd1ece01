import { NavLink } from 'react-router';
import { useTranslation } from 'react-i18next';
import {
  ChartColumn,
  Clock,
  Ellipsis,
  GraduationCap,
  House,
  LibraryBig,
  Settings,
  ShieldCheck,
  Users,
  type LucideIcon,
} from 'lucide-react';
import type { SignedInAccount } from '../db/identity';
import { paths } from './paths';

type Place = {
  to: string;
  label: string;
  Icon: LucideIcon;
  /** `tab`: in the phone's bottom tab bar and the PC rail; `rail`: PC only (phones reach it from More); `phone`: the More tab. */
  where: 'tab' | 'rail' | 'phone';
  end?: boolean;
};

/** The places a person can go, by role: the phone shows the first four as tabs, a PC all of them. */
export function usePlaces(account: SignedInAccount | null): Place[] {
  const { t } = useTranslation();
  const mentoring = account?.role === 'mentor' || account?.role === 'coordinator';
  const coordinating = account?.role === 'coordinator';
  const places: (Place | false)[] = [
    { to: paths.home(), label: t('nav.home'), Icon: House, where: 'tab', end: true },
    { to: paths.catalog(), label: t('nav.catalog'), Icon: LibraryBig, where: 'tab' },
    { to: paths.learning(), label: t('nav.learning'), Icon: GraduationCap, where: 'tab' },
    { to: paths.hours(), label: t('hours.nav'), Icon: Clock, where: 'rail' },
    { to: paths.settings(), label: t('nav.settings'), Icon: Settings, where: 'rail' },
    mentoring && { to: paths.mentor(), label: t('mentor.nav'), Icon: Users, where: 'rail' },
    coordinating && { to: paths.surveyReports(), label: t('reports.nav'), Icon: ChartColumn, where: 'rail' },
    coordinating && { to: paths.admin(), label: t('admin.nav'), Icon: ShieldCheck, where: 'rail' },
    { to: paths.more(), label: t('nav.more'), Icon: Ellipsis, where: 'phone' },
  ];
  return places.filter((place): place is Place => place !== false);
}

/**
 * The main navigation, one list for every width: on phones a bottom tab bar (Home, Catalogue,
 * My learning, More), on a PC a rail beside the page with every place. CSS hides what a width
 * does not show (display: none), so each width has one navigation in the accessibility tree.
 */
export function MainNavigation({ account }: { account: SignedInAccount | null }) {
  const { t } = useTranslation();
  return (
    <nav className="app-nav" aria-label={t('layout.mainNavigation')}>
      <ul className="app-nav__list">
        {usePlaces(account).map(({ to, label, Icon, where, end }) => (
          <li key={to} className={`app-nav__item app-nav__item--${where}`}>
            <NavLink to={to} end={end} className="app-nav__link">
              <Icon aria-hidden size={22} />
              <span className="app-nav__label">{label}</span>
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
