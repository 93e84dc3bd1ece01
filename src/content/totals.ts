/*
 * The course in figures, as modules:check prints them: what an editor or a coordinator
 * checks against the course plan (modules, lessons, words per language, questions, and per
 * pathway the hours its content offers beside the hours it requires).
 */
import type { Catalog } from '../shared/content/compiled';
import { CONTENT_LOCALES, HOUR_CATEGORIES, type HourCategory } from '../shared/content/locales';
import type { CourseSource } from './compile';

export type PathwayHours = {
  id: string;
  modules: number;
  /** The modules' estimated study time (lessons and quiz), in hours. */
  studyHours: number;
  /** Assignment hours per category. */
  assignmentHours: Partial<Record<HourCategory, number>>;
  /** Hours the pathway requires per category. */
  requiredHours: Partial<Record<HourCategory, number>>;
};

export type CourseTotals = {
  modules: number;
  lessons: number;
  words: CourseSource['words'];
  questions: number;
  /** Questions one pass through every quiz shows (a pool shows only its draw). */
  questionsShown: number;
  pathways: PathwayHours[];
};

const round1 = (hours: number): number => Math.round(hours * 10) / 10;

export function courseTotals(catalog: Catalog, course: CourseSource): CourseTotals {
  const modules = new Map(catalog.modules.map((m) => [m.id, m]));
  const pathways = catalog.curricula.map((curriculum): PathwayHours => {
    const members = curriculum.modules.flatMap((id) => modules.get(id) ?? []);
    const assignmentHours: Partial<Record<HourCategory, number>> = {};
    for (const m of members) {
      if (m.assignment) assignmentHours[m.assignment.category] = (assignmentHours[m.assignment.category] ?? 0) + m.assignment.hours;
    }
    return {
      id: curriculum.id,
      modules: members.length,
      studyHours: round1(members.reduce((sum, m) => sum + m.minutes, 0) / 60),
      assignmentHours,
      requiredHours: curriculum.hours,
    };
  });
  return {
    modules: catalog.modules.length,
    lessons: catalog.modules.reduce((sum, m) => sum + m.lessons.length, 0),
    words: course.words,
    questions: course.questions.length,
    questionsShown: catalog.modules.reduce((sum, m) => sum + (m.quiz ? (m.quiz.draw ?? m.quiz.questions) : 0), 0),
    pathways,
  };
}

const byCategory = (hours: Partial<Record<HourCategory, number>>): string =>
  HOUR_CATEGORIES.filter((c) => hours[c] !== undefined)
    .map((c) => `${c} ${hours[c]}`)
    .join(', ') || 'none';

export function formatCourseTotals(totals: CourseTotals): string[] {
  return [
    `${totals.modules} modules, ${totals.lessons} lessons, ${totals.questions} quiz questions (${totals.questionsShown} shown in one attempt at every quiz)`,
    `words: ${CONTENT_LOCALES.map((l) => `${l} ${totals.words[l]}`).join(', ')}`,
    ...totals.pathways.map(
      (p) =>
        `pathway ${p.id}: ${p.modules} modules, ${p.studyHours} h study in the app; assignments: ${byCategory(p.assignmentHours)} h; required: ${byCategory(p.requiredHours)} h`,
    ),
  ];
}
