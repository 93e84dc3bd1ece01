/*
 * Progress of a learner through modules and curricula: a pure function of the course
 * catalogue and the learner's folded state, shared by every view that shows progress.
 */
import type { CatalogCurriculum, CatalogModule } from '../content/compiled';
import type { LessonState, ModuleActivity, QuizAttempt } from './fold';

export type ModuleStatus = 'not-started' | 'in-progress' | 'completed';

export type ModuleProgress = {
  moduleId: string;
  status: ModuleStatus;
  lessonsCompleted: number;
  lessonsTotal: number;
  /** Best quiz score 0..1, undefined before the first attempt. */
  bestScore: number | undefined;
  quizPassed: boolean;
  attempts: number;
  secondsSpent: number;
  /** 0..100: lessons and the quiz count as equal steps. */
  percent: number;
};

export function moduleProgress(
  module: CatalogModule,
  lessons: readonly LessonState[],
  attempts: readonly QuizAttempt[],
  activity?: ModuleActivity,
): ModuleProgress {
  const known = new Set(module.lessons.map((l) => l.id));
  const mine = lessons.filter((l) => l.moduleId === module.id && known.has(l.lessonId));
  const completed = mine.filter((l) => l.completed).length;
  const quizAttempts = attempts.filter((a) => a.moduleId === module.id);
  const bestScore = quizAttempts.length ? Math.max(...quizAttempts.map((a) => a.scaled)) : undefined;
  const quizPassed = quizAttempts.some((a) => a.passed);
  const steps = module.lessons.length + (module.quiz ? 1 : 0);
  const done = completed + (module.quiz && quizPassed ? 1 : 0);
  const touched = mine.length > 0 || quizAttempts.length > 0;
  const status: ModuleStatus = steps > 0 && done === steps ? 'completed' : touched ? 'in-progress' : 'not-started';
  return {
    moduleId: module.id,
    status,
    lessonsCompleted: completed,
    lessonsTotal: module.lessons.length,
    bestScore,
    quizPassed,
    attempts: quizAttempts.length,
    secondsSpent: activity?.secondsSpent ?? 0,
    percent: steps === 0 ? 0 : Math.round((done / steps) * 100),
  };
}

export type CurriculumProgress = { curriculumId: string; modulesCompleted: number; modulesTotal: number; percent: number };

export function curriculumProgress(curriculum: CatalogCurriculum, progress: ReadonlyMap<string, ModuleProgress>): CurriculumProgress {
  const items = curriculum.modules.map((id) => progress.get(id));
  const completed = items.filter((p) => p?.status === 'completed').length;
  const percent = items.length ? Math.round(items.reduce((sum, p) => sum + (p?.percent ?? 0), 0) / items.length) : 0;
  return { curriculumId: curriculum.id, modulesCompleted: completed, modulesTotal: items.length, percent };
}
