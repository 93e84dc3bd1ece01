import { describe, expect, it } from 'vitest';
import type { Catalog, CatalogModule } from '../../../src/shared/content/compiled';
import type { LessonState, QuizAttempt } from '../../../src/shared/learning/fold';
import { continueStep, nextInModule } from '../../../src/shared/learning/next';
import { moduleProgress } from '../../../src/shared/learning/progress';

const module = (id: string, lessons: string[], { quiz = true, assignment = false } = {}): CatalogModule => ({
  id,
  version: 1,
  title: { en: id },
  summary: { en: id },
  minutes: 30,
  level: 1,
  competences: ['digcomp:1.1'],
  prerequisites: [],
  languages: ['en'],
  lessons: lessons.map((l) => ({ id: l, title: { en: l }, minutes: 5, words: 400 })),
  quiz: quiz ? { questions: 8, passMark: 70 } : null,
  assignment: assignment ? { category: 'project', hours: 2 } : null,
  revisions: { en: 'x', lv: 'x', bg: 'x', uk: 'x' },
  media: { en: [], lv: [], bg: [], uk: [] },
  cover: {},
});

const catalog: Catalog = {
  modules: [module('a', ['a1', 'a2', 'a3']), module('b', ['b1', 'b2'], { assignment: true }), module('c', ['c1'])],
  curricula: [{ id: 'path', title: { en: 'Path' }, summary: { en: '' }, modules: ['a', 'b', 'c'], hours: {} }],
  searchRevisions: { en: 'x', lv: 'x', bg: 'x', uk: 'x' },
};

let clock = 0;
/** Lesson states, the first visited last (as `useAllLessons` returns them). */
const visited = (...entries: [string, string, boolean][]): LessonState[] =>
  entries.map(([moduleId, lessonId, completed]) => {
    clock += 1;
    const at = new Date(Date.UTC(2026, 11, 6, 12, 0, 60 - clock)).toISOString();
    return {
      moduleId,
      lessonId,
      completed,
      completedAt: completed ? at : undefined,
      position: completed ? 100 : 40,
      lastVisitedAt: at,
      secondsSpent: 60,
    };
  });

const passed = (moduleId: string): QuizAttempt => ({
  attemptId: `attempt-${moduleId}`,
  moduleId,
  at: '2026-12-06T12:00:00.000Z',
  scaled: 1,
  raw: 8,
  max: 8,
  passed: true,
  answers: [],
});

const step = (lessons: LessonState[], attempts: QuizAttempt[] = []) =>
  continueStep({
    catalog,
    lessons,
    progress: new Map(catalog.modules.map((m) => [m.id, moduleProgress(m, lessons, attempts)])),
  });

describe('continueStep', () => {
  it('has nothing to continue before the first lesson', () => {
    expect(step([])).toBeUndefined();
  });

  it('returns to the lesson visited last while it is unfinished', () => {
    expect(step(visited(['a', 'a2', false], ['a', 'a1', true]))).toEqual({ kind: 'lesson', moduleId: 'a', lessonId: 'a2' });
  });

  it('leads past the lesson just finished to the next unfinished one', () => {
    expect(step(visited(['a', 'a1', true]))).toEqual({ kind: 'lesson', moduleId: 'a', lessonId: 'a2' });
    // a3 is done already, so after a2 the learner goes back to the unfinished a1.
    expect(step(visited(['a', 'a2', true], ['a', 'a3', true]))).toEqual({ kind: 'lesson', moduleId: 'a', lessonId: 'a1' });
  });

  it('offers the quiz when every lesson is done and the quiz is not passed', () => {
    expect(step(visited(['a', 'a3', true], ['a', 'a2', true], ['a', 'a1', true]))).toEqual({ kind: 'quiz', moduleId: 'a' });
  });

  it('moves on to the next unfinished module of the pathway once a module is complete', () => {
    const lessons = visited(['a', 'a3', true], ['a', 'a2', true], ['a', 'a1', true], ['b', 'b1', true]);
    expect(step(lessons, [passed('a')])).toEqual({ kind: 'lesson', moduleId: 'b', lessonId: 'b2' });
    const bDone = visited(['b', 'b2', true], ['b', 'b1', true]);
    expect(step(bDone, [passed('b')])).toEqual({ kind: 'lesson', moduleId: 'c', lessonId: 'c1' });
  });

  it('has nothing to continue when the whole pathway is complete', () => {
    const lessons = visited(
      ['c', 'c1', true],
      ['b', 'b2', true],
      ['b', 'b1', true],
      ['a', 'a3', true],
      ['a', 'a2', true],
      ['a', 'a1', true],
    );
    expect(step(lessons, [passed('a'), passed('b'), passed('c')])).toBeUndefined();
  });
});

describe('nextInModule', () => {
  const b = catalog.modules[1]!;
  it('offers the assignment after the lessons and a passed quiz, when asked to', () => {
    const done = { lessons: new Set(['b1', 'b2']), quizPassed: true };
    expect(nextInModule({ module: b, done, after: 'b2', withAssignment: true })).toEqual({ kind: 'assignment', moduleId: 'b' });
    expect(nextInModule({ module: b, done, after: 'b2' })).toBeUndefined();
  });
});
