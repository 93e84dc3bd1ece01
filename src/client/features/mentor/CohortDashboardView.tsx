import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { CohortDashboard } from '../../../shared/mentoring/contract';
import { paths } from '../../app/paths';
import { DataAge } from '../../ui/DataAge';
import { usePageTitle } from '../../ui/usePageTitle';
import { AttentionList } from './AttentionList';
import { CohortGrid } from './CohortGrid';
import { ExportProgress } from './ExportProgress';
import { MentorBreadcrumb } from './MentorBreadcrumb';
import { useHoursPathway } from './useHoursPathway';
import { useCourseTitles } from './useModuleTitles';
import { CohortCharts } from './CohortCharts';

type Props = {
  dashboard: CohortDashboard;
  fetchedAt: string;
  fromCache: boolean;
  onReload: () => void;
  onInactiveDaysChange: (days: number) => void;
};

/** The cohort at a glance: the learners x modules grid (cards on a phone), who needs attention, completion per module, hours by category, exports. */
export function CohortDashboardView({ dashboard, fetchedAt, fromCache, onReload, onInactiveDaysChange }: Props) {
  const { t } = useTranslation();
  const titles = useCourseTitles();
  const hours = useHoursPathway(titles.catalog?.curricula ?? [], dashboard.learners);
  usePageTitle(dashboard.cohort.name);
  const report = paths.cohortReport(dashboard.cohort.id);
  return (
    <div className="page--wide cohort-page">
      <MentorBreadcrumb here={dashboard.cohort.name} />
      <h1>{dashboard.cohort.name}</h1>
      <div className="cohort-page__meta">
        <DataAge fetchedAt={fetchedAt} fromCache={fromCache} onReload={onReload} />
        <ul className="inline-links">
          <li>
            <Link to={paths.cohortQuestions(dashboard.cohort.id)}>{t('mentor.questionsLink')}</Link>
          </li>
          <li>
            <Link to={hours.chosen && hours.pathway ? `${report}?pathway=${encodeURIComponent(hours.pathway.id)}` : report}>
              {t('mentor.reportLink')}
            </Link>
          </li>
        </ul>
      </div>
      {/* The grid first: on a PC a screenful of learners, on a phone their cards with what each needs. */}
      <CohortGrid
        dashboard={dashboard}
        pathway={hours.pathway}
        moduleTitle={titles.module}
        curriculumTitle={titles.curriculum}
        moduleLang={titles.moduleLang}
        curriculumLang={titles.curriculumLang}
      />
      <AttentionList dashboard={dashboard} moduleTitle={titles.module} onInactiveDaysChange={onInactiveDaysChange} />
      <CohortCharts dashboard={dashboard} hours={hours} titles={titles} />
      <ExportProgress dashboard={dashboard} moduleTitle={titles.module} curriculumTitle={titles.curriculum} hoursPathway={hours.pathway} />
    </div>
  );
}
