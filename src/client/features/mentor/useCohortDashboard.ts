import { api } from '../../api/client';
import { useCachedApi } from '../../ui/useCachedApi';

/** "No activity for N days" in the needs-attention list. */
export const INACTIVE_DAYS = 14;

/** A cohort's dashboard from the server or, offline, the last copy (shared by the dashboard and its printable report). */
export function useCohortDashboard(cohortId: string) {
  return useCachedApi(`/api/cohorts/${cohortId}/dashboard?inactiveDays=${INACTIVE_DAYS}`, () =>
    api.cohortDashboard(cohortId, INACTIVE_DAYS),
  );
}
