/*
 * Builders for the statements a learner's actions make. Pure: the caller supplies the id
 * and the time, so the same builders serve the client, the demo seeder and the tests.
 */
import type { Agent, Statement } from './types';
import { activityId, type ActivityRef } from './activities';
import { CONTENT_LANGUAGE_EXTENSION, MODULE_VERSION_EXTENSION, PROGRESS_EXTENSION, VERBS, verbDisplay, type VerbName } from './verbs';
import { toDuration } from '../learning/duration';

export type StatementEnv = { base: string; actor: Agent; id: string; timestamp: string };

export type ModuleRef = { moduleId: string; moduleVersion: number; locale: string };

function statement(
  env: StatementEnv,
  verb: VerbName,
  ref: ActivityRef & { moduleVersion: number; locale: string },
  extra: Pick<Statement, 'result'> & { registration?: string; parent?: ActivityRef } = {},
): Statement {
  const moduleActivity = { objectType: 'Activity' as const, id: activityId(env.base, { kind: 'module', moduleId: ref.moduleId }) };
  const parents = extra.parent ? [{ objectType: 'Activity' as const, id: activityId(env.base, extra.parent) }] : [moduleActivity];
  return {
    id: env.id,
    actor: env.actor,
    verb: { id: VERBS[verb], display: verbDisplay(verb) },
    object: { objectType: 'Activity', id: activityId(env.base, ref) },
    ...(extra.result ? { result: extra.result } : {}),
    context: {
      ...(extra.registration ? { registration: extra.registration } : {}),
      contextActivities: { parent: parents, ...(extra.parent ? { grouping: [moduleActivity] } : {}) },
      language: ref.locale,
      extensions: { [MODULE_VERSION_EXTENSION]: ref.moduleVersion, [CONTENT_LANGUAGE_EXTENSION]: ref.locale },
    },
    timestamp: env.timestamp,
    version: '1.0.3',
  };
}

export type LessonRef = ModuleRef & { lessonId: string };

const lessonRef = (l: LessonRef) => ({
  kind: 'lesson' as const,
  moduleId: l.moduleId,
  lessonId: l.lessonId,
  moduleVersion: l.moduleVersion,
  locale: l.locale,
});

export const buildStatement = {
  openedLesson: (env: StatementEnv, lesson: LessonRef): Statement => statement(env, 'experienced', lessonRef(lesson)),

  readingProgress: (env: StatementEnv, lesson: LessonRef, position: number, activeMs: number): Statement =>
    statement(env, 'progressed', lessonRef(lesson), {
      result: { duration: toDuration(activeMs), extensions: { [PROGRESS_EXTENSION]: Math.round(Math.max(0, Math.min(100, position))) } },
    }),

  completedLesson: (env: StatementEnv, lesson: LessonRef): Statement =>
    statement(env, 'completed', lessonRef(lesson), { result: { completion: true } }),

  note: (env: StatementEnv, lesson: LessonRef, text: string): Statement =>
    statement(env, 'noted', lessonRef(lesson), { result: { response: text } }),

  bookmark: (env: StatementEnv, lesson: LessonRef): Statement => statement(env, 'bookmarked', lessonRef(lesson)),

  answered: (env: StatementEnv, module: ModuleRef, attemptId: string, questionId: string, response: string, success: boolean): Statement =>
    statement(
      env,
      'answered',
      { kind: 'question', moduleId: module.moduleId, questionId, moduleVersion: module.moduleVersion, locale: module.locale },
      {
        registration: attemptId,
        parent: { kind: 'quiz', moduleId: module.moduleId },
        result: { response, success },
      },
    ),

  quizResult: (
    env: StatementEnv,
    module: ModuleRef,
    attemptId: string,
    raw: number,
    max: number,
    passMark: number,
    activeMs: number,
  ): Statement => {
    const scaled = max > 0 ? raw / max : 0;
    const passed = scaled * 100 >= passMark;
    return statement(
      env,
      passed ? 'passed' : 'failed',
      { kind: 'quiz', moduleId: module.moduleId, moduleVersion: module.moduleVersion, locale: module.locale },
      {
        registration: attemptId,
        result: {
          score: { scaled: Math.round(scaled * 10000) / 10000, raw, min: 0, max },
          success: passed,
          completion: true,
          duration: toDuration(activeMs),
        },
      },
    );
  },

  voided: (env: StatementEnv, target: string): Statement => ({
    id: env.id,
    actor: env.actor,
    verb: { id: VERBS.voided, display: verbDisplay('voided') },
    object: { objectType: 'StatementRef', id: target },
    timestamp: env.timestamp,
    version: '1.0.3',
  }),
};
