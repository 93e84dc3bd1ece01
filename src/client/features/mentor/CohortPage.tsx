import { useMemo } from 'react';
import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Loading } from '../../ui/Loading';
import { withInactiveDays } from './attention';
import { CohortDashboardView } from './CohortDashboardView';
import { LoadProblem } from './LoadProblem';
import { MentorOnly } from './MentorOnly';
import { useCohortDashboard } from './useCohortDashboard';
import { useInactiveDays } from './useInactiveDays';
import '../../ui/mentoring.css';

/** /mentor/cohorts/:cohortId: the cohort dashboard, from the server or, offline, the last copy. */
export function CohortPage() {
  return (
    <MentorOnly>
      <CohortData />
    </MentorOnly>
  );
}

function CohortData() {
  const { t } = useTranslation();
  const { cohortId = '' } = useParams();
  const { state, reload } = useCohortDashboard(cohortId);
  const [inactiveDays, setInactiveDays] = useInactiveDays();
  const data = state.status === 'ready' ? state.data : undefined;
  const dashboard = useMemo(() => data && withInactiveDays(data, inactiveDays), [data, inactiveDays]);
  if (state.status === 'loading') return <Loading />;
  if (state.status === 'error') return <LoadProblem title={t('mentor.dashboardTitle')} error={state.error} onRetry={reload} />;
  return (
    <CohortDashboardView
      dashboard={dashboard ?? state.data}
      fetchedAt={state.fetchedAt}
      fromCache={state.fromCache}
      onReload={reload}
      onInactiveDaysChange={setInactiveDays}
    />
  );
}
