import { api } from '../../api/client';
import { useCachedApi } from '../../ui/useCachedApi';
import { FETCHED_INACTIVE_DAYS } from './attention';

/**
 * A cohort's dashboard from the server or, offline, the last copy (shared by the dashboard and
 * its printable report). Always fetched, and saved, with the same inactivity threshold: the
 * mentor's own threshold is applied to it afterwards (`withInactiveDays`), so changing it needs
 * no new fetch and works on the saved copy too.
 */
export function useCohortDashboard(cohortId: string) {
  return useCachedApi(`/api/cohorts/${cohortId}/dashboard?inactiveDays=${FETCHED_INACTIVE_DAYS}`, () =>
    api.cohortDashboard(cohortId, FETCHED_INACTIVE_DAYS),
  );
}
