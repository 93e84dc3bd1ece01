/*
 * Where a learner goes next: after a lesson, the next lesson they have not finished, then the
 * quiz, then the assignment; from Home, on from the lesson they visited last, into the next
 * unfinished module of a pathway once that module is complete. Pure functions of the
 * catalogue and the learner's folded state, so the lesson page and Home agree.
 */
import type { Catalog } from '../content/compiled';
import type { LessonState } from './fold';
import type { ModuleProgress } from './progress';

export type NextStep =
  { kind: 'lesson'; moduleId: string; lessonId: string } | { kind: 'quiz'; moduleId: string } | { kind: 'assignment'; moduleId: string };

/** What of a module is done: its completed lessons and whether its quiz is passed. */
export type ModuleDone = { lessons: ReadonlySet<string>; quizPassed: boolean };

/** A module's steps, as the catalogue and a module file both describe them. */
type ModuleSteps = { id: string; lessons: readonly { id: string }[]; quiz: unknown; assignment: unknown };

/**
 * The next step in one module: the first unfinished lesson after `after` (then from the
 * start), else the quiz while it is not passed, else the assignment when the module has one
 * and `withAssignment` is set. Undefined when nothing is left.
 */
export function nextInModule({
  module,
  done,
  after,
  withAssignment = false,
}: {
  module: ModuleSteps;
  done: ModuleDone;
  after?: string;
  withAssignment?: boolean;
}): NextStep | undefined {
  const ids = module.lessons.map((l) => l.id);
  const start = after === undefined ? 0 : ids.indexOf(after) + 1;
  const lessonId = [...ids.slice(start), ...ids.slice(0, start)].find((id) => !done.lessons.has(id));
  if (lessonId !== undefined) return { kind: 'lesson', moduleId: module.id, lessonId };
  if (module.quiz && !done.quizPassed) return { kind: 'quiz', moduleId: module.id };
  if (withAssignment && module.assignment) return { kind: 'assignment', moduleId: module.id };
  return undefined;
}

function doneIn(moduleId: string, lessons: readonly LessonState[], progress: ReadonlyMap<string, ModuleProgress>): ModuleDone {
  return {
    lessons: new Set(lessons.filter((l) => l.moduleId === moduleId && l.completed).map((l) => l.lessonId)),
    quizPassed: progress.get(moduleId)?.quizPassed ?? false,
  };
}

/**
 * What "Continue" on Home leads to. `lessons` is most recently visited first. The lesson
 * visited last while unfinished; else the next step of its module; else the next unfinished
 * module of a pathway it belongs to (the modules after it first). Undefined before the first
 * lesson, and when everything started is finished.
 */
export function continueStep({
  catalog,
  lessons,
  progress,
}: {
  catalog: Catalog;
  lessons: readonly LessonState[];
  progress: ReadonlyMap<string, ModuleProgress>;
}): NextStep | undefined {
  const modules = new Map(catalog.modules.map((m) => [m.id, m]));
  const last = lessons.find((l) => modules.get(l.moduleId)?.lessons.some((x) => x.id === l.lessonId));
  const module = last && modules.get(last.moduleId);
  if (!last || !module) return undefined;
  if (!last.completed) return { kind: 'lesson', moduleId: last.moduleId, lessonId: last.lessonId };
  const here = nextInModule({ module, done: doneIn(module.id, lessons, progress), after: last.lessonId });
  if (here) return here;
  for (const curriculum of catalog.curricula) {
    const at = curriculum.modules.indexOf(module.id);
    if (at < 0) continue;
    const order = [...curriculum.modules.slice(at + 1), ...curriculum.modules.slice(0, at)];
    for (const id of order) {
      const candidate = modules.get(id);
      if (!candidate || progress.get(id)?.status === 'completed') continue;
      const step = nextInModule({ module: candidate, done: doneIn(id, lessons, progress) });
      if (step) return step;
    }
  }
  return undefined;
}
