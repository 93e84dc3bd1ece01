/*
 * What an action completed: a lesson alone, its module too, or a whole pathway. Completion
 * itself is defined once, in ./progress.ts (a module is complete when every lesson is and its
 * quiz is passed); here the milestones just before the learner's action (marking a lesson
 * complete, or saving a quiz result) are compared with those after, so a celebration follows
 * only the action that earned it, never a later visit.
 */
import type { CatalogCurriculum } from '../content/compiled';
import { curriculumProgress, type ModuleProgress } from './progress';

/** The milestones a lesson belongs to that are complete: its module, and the pathways holding that module. */
export type Milestones = { module: boolean; pathways: string[] };

export type Celebration = { kind: 'lesson' } | { kind: 'module' } | { kind: 'pathway'; curriculumId: string };

export function milestones({
  moduleId,
  curricula,
  progress,
}: {
  moduleId: string;
  curricula: readonly CatalogCurriculum[];
  progress: ReadonlyMap<string, ModuleProgress>;
}): Milestones {
  const pathways = curricula
    .filter((c) => c.modules.includes(moduleId))
    .filter((c) => {
      const p = curriculumProgress(c, progress);
      return p.modulesTotal > 0 && p.modulesCompleted === p.modulesTotal;
    })
    .map((c) => c.id);
  return { module: progress.get(moduleId)?.status === 'completed', pathways };
}

/** The largest milestone newly complete: a pathway, else the module, else the lesson itself. */
export function celebrationFor(before: Milestones, after: Milestones): Celebration {
  const pathway = after.pathways.find((id) => !before.pathways.includes(id));
  if (pathway) return { kind: 'pathway', curriculumId: pathway };
  if (after.module && !before.module) return { kind: 'module' };
  return { kind: 'lesson' };
}
