import { Link, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import { paths } from '../../app/paths';
import '../../ui/Breadcrumb.css';

type Step = { to: string; label: string };

/** "Mentoring › <cohort> › <here>": the way back from every mentor page. */
export function MentorBreadcrumb({ trail = [], here }: { trail?: Step[]; here: string }) {
  const { t } = useTranslation();
  return (
    <nav aria-label={t('layout.breadcrumb')} className="breadcrumb no-print">
      <ol>
        <li>
          <Link to={paths.mentor()}>{t('mentor.title')}</Link>
        </li>
        {trail.map((step) => (
          <li key={step.to}>
            <Link to={step.to}>{step.label}</Link>
          </li>
        ))}
        <li aria-current="page">{here}</li>
      </ol>
    </nav>
  );
}

/** Links to a learner page carry the cohort they were followed from, so that page can lead back to it. */
export type FromCohort = { cohort: { id: string; name: string } };

export function useFromCohort(): FromCohort['cohort'] | undefined {
  const state: unknown = useLocation().state;
  if (typeof state !== 'object' || state === null || !('cohort' in state)) return undefined;
  const cohort: unknown = state.cohort;
  if (typeof cohort !== 'object' || cohort === null || !('id' in cohort) || !('name' in cohort)) return undefined;
  return typeof cohort.id === 'string' && typeof cohort.name === 'string' ? { id: cohort.id, name: cohort.name } : undefined;
}
