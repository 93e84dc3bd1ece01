import { useMemo } from 'react';
import type { Catalog } from '../../shared/content/compiled';
import { moduleProgress, type ModuleProgress } from '../../shared/learning/progress';
import { useAllLessons, useModuleActivity, useQuizAttempts } from '../db/hooks';

/** Progress of every module in the catalogue, or undefined while the learner's data loads. */
export function useStudyProgress(catalog: Catalog | undefined): Map<string, ModuleProgress> | undefined {
  const lessons = useAllLessons();
  const attempts = useQuizAttempts();
  const activity = useModuleActivity();
  return useMemo(() => {
    if (!catalog || !lessons || !attempts || !activity) return undefined;
    const byModule = new Map(activity.map((a) => [a.moduleId, a]));
    return new Map(catalog.modules.map((m) => [m.id, moduleProgress(m, lessons, attempts, byModule.get(m.id))]));
  }, [catalog, lessons, attempts, activity]);
}
