import type { CohortDashboard } from '../../../shared/mentoring/contract';
import { CohortHours } from './CohortHours';
import { CompletionChart } from './CompletionChart';
import type { useHoursPathway } from './useHoursPathway';
import type { useCourseTitles } from './useModuleTitles';

/** Completion per module and hours by category, as the cohort page and its printable report both show them. */
export function CohortCharts({
  dashboard,
  hours,
  titles,
}: {
  dashboard: CohortDashboard;
  hours: ReturnType<typeof useHoursPathway>;
  titles: ReturnType<typeof useCourseTitles>;
}) {
  return (
    <>
      <CompletionChart dashboard={dashboard} moduleTitle={titles.module} />
      {hours.pathway && (
        <CohortHours
          learners={dashboard.learners}
          pathway={hours.pathway}
          choices={hours.choices}
          onChoose={hours.choose}
          curriculumTitle={titles.curriculum}
        />
      )}
    </>
  );
}
