/*
 * The course catalogue the server needs for mentor views: modules (lesson counts, quizzes),
 * curricula (required hours) and each quiz's question ids. Compiled from `modules/` once per
 * process (about a second) by the same compiler the build uses (server -> content -> shared);
 * tests, the demo and the benchmark may pass their own. The fingerprint changes when anything
 * that progress depends on changes, so derived summaries are rebuilt (store/summaries.ts).
 */
import { createHash } from 'node:crypto';
import { compileContent } from '../content/compile';
import type { Catalog, ModuleContent, QuizQuestion } from '../shared/content/compiled';

export type Course = {
  catalog: Pick<Catalog, 'modules' | 'curricula'>;
  /** Quiz question ids per module id, in quiz order. */
  questionIds: Map<string, string[]>;
  fingerprint: string;
  /** The English quiz questions per module id (with their right answers), where the course was compiled from modules/. */
  quizzes?: Map<string, QuizQuestion[]>;
};

export function makeCourse(catalog: Course['catalog'], questionIds: Map<string, string[]>): Course {
  const essentials = {
    modules: catalog.modules.map((m) => ({ id: m.id, lessons: m.lessons.map((l) => l.id), quiz: m.quiz, assignment: m.assignment })),
    curricula: catalog.curricula.map((c) => ({ id: c.id, modules: c.modules, hours: c.hours })),
  };
  const fingerprint = createHash('sha256').update(JSON.stringify(essentials)).digest('base64url').slice(0, 16);
  return { catalog, questionIds, fingerprint };
}

const cache = new Map<string, Course>();

export function loadCourse(root = 'modules'): Course {
  const cached = cache.get(root);
  if (cached) return cached;
  const { catalog, files } = compileContent(root);
  const questionIds = new Map<string, string[]>();
  const quizzes = new Map<string, QuizQuestion[]>();
  for (const module of catalog.modules) {
    const file = files.get(`content/modules/${module.id}/en.json`);
    const content = file ? (JSON.parse(file) as ModuleContent) : undefined;
    questionIds.set(module.id, content?.quiz?.questions.map((q) => q.id) ?? []);
    quizzes.set(module.id, content?.quiz?.questions ?? []);
  }
  const course: Course = { ...makeCourse({ modules: catalog.modules, curricula: catalog.curricula }, questionIds), quizzes };
  cache.set(root, course);
  return course;
}
