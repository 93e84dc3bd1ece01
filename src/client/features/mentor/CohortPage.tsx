import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { Loading } from '../../ui/Loading';
import { useCachedApi } from '../../ui/useCachedApi';
import { CohortDashboardView } from './CohortDashboardView';
import { LoadProblem } from './LoadProblem';
import { MentorOnly } from './MentorOnly';
import './mentor.css';

export const INACTIVE_DAYS = 14;

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
  const { state, reload } = useCachedApi(`/api/cohorts/${cohortId}/dashboard?inactiveDays=${INACTIVE_DAYS}`, () =>
    api.cohortDashboard(cohortId, INACTIVE_DAYS),
  );
  if (state.status === 'loading') return <Loading />;
  if (state.status === 'error') return <LoadProblem title={t('mentor.dashboardTitle')} error={state.error} onRetry={reload} />;
  return <CohortDashboardView dashboard={state.data} fetchedAt={state.fetchedAt} fromCache={state.fromCache} onReload={reload} />;
}
