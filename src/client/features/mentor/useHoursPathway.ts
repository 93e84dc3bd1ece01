import { useSearchParams } from 'react-router';
import type { CatalogCurriculum } from '../../../shared/content/compiled';
import { defaultHoursPathway } from '../../../shared/mentoring/cohortHours';
import type { DashboardLearner } from '../../../shared/mentoring/contract';

/**
 * The pathway whose hours requirements the cohort's hours are measured against: `?pathway=` in
 * the address (so the printable report and a shared link show the same one), else the pathway
 * the cohort has come furthest in. Only pathways that require hours can be chosen.
 */
export function useHoursPathway(
  curricula: readonly CatalogCurriculum[],
  learners: readonly Pick<DashboardLearner, 'pathways'>[],
): { choices: CatalogCurriculum[]; pathway: CatalogCurriculum | undefined; chosen: boolean; choose: (id: string) => void } {
  const [search, setSearch] = useSearchParams();
  const choices = curricula.filter((c) => Object.values(c.hours).some((hours) => (hours ?? 0) > 0));
  const asked = choices.find((c) => c.id === search.get('pathway'));
  return {
    choices,
    pathway: asked ?? defaultHoursPathway(choices, learners),
    chosen: asked !== undefined,
    choose: (id) =>
      setSearch(
        (current) => {
          const next = new URLSearchParams(current);
          next.set('pathway', id);
          return next;
        },
        { replace: true },
      ),
  };
}
