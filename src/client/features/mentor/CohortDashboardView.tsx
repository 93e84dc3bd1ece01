import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { CohortDashboard } from '../../../shared/mentoring/contract';
import { paths } from '../../app/paths';
import { DataAge } from '../../ui/DataAge';
import { usePageTitle } from '../../ui/usePageTitle';
import { AttentionList } from './AttentionList';
import { CohortGrid } from './CohortGrid';
import { CompletionChart } from './CompletionChart';
import { ExportProgress } from './ExportProgress';
import { useCourseTitles } from './useModuleTitles';

type Props = { dashboard: CohortDashboard; fetchedAt: string; fromCache: boolean; onReload: () => void };

/** The cohort at a glance: who needs attention, the learners x modules grid, completion per module. */
export function CohortDashboardView({ dashboard, fetchedAt, fromCache, onReload }: Props) {
  const { t } = useTranslation();
  const titles = useCourseTitles();
  usePageTitle(dashboard.cohort.name);
  return (
    <>
      <nav aria-label={t('layout.breadcrumb')} className="breadcrumb">
        <ol>
          <li>
            <Link to={paths.mentor()}>{t('mentor.title')}</Link>
          </li>
          <li aria-current="page">{dashboard.cohort.name}</li>
        </ol>
      </nav>
      <h1>{dashboard.cohort.name}</h1>
      <DataAge fetchedAt={fetchedAt} fromCache={fromCache} onReload={onReload} />
      <ul className="inline-links">
        <li>
          <Link to={paths.cohortQuestions(dashboard.cohort.id)}>{t('mentor.questionsLink')}</Link>
        </li>
        <li>
          <Link to={paths.cohortReport(dashboard.cohort.id)}>{t('mentor.reportLink')}</Link>
        </li>
      </ul>
      <AttentionList dashboard={dashboard} moduleTitle={titles.module} />
      <CohortGrid dashboard={dashboard} moduleTitle={titles.module} curriculumTitle={titles.curriculum} />
      <ExportProgress dashboard={dashboard} moduleTitle={titles.module} curriculumTitle={titles.curriculum} />
      <CompletionChart dashboard={dashboard} moduleTitle={titles.module} />
    </>
  );
}
