/*
 * Builders for the statements a learner's actions make. Pure: the caller supplies the id
 * and the time, so the same builders serve the client, the demo seeder and the tests.
 */
import type { Statement } from './types';
import { activityId, type ActivityRef } from './activities';

type ModuleScoped = Extract<ActivityRef, { moduleId: string }>;
import {
  ACTIVITY_DATE_EXTENSION,
  CONTENT_LANGUAGE_EXTENSION,
  MODULE_VERSION_EXTENSION,
  PROGRESS_EXTENSION,
  QUIZ_OPTION_ORDER_EXTENSION,
  QUIZ_QUESTIONS_EXTENSION,
  SURVEY_ANSWERS_EXTENSION,
  VERBS,
  verbDisplay,
  type VerbName,
} from './verbs';
import type { Agent } from './types';
import { toDuration } from '../learning/duration';

export type StatementEnv = { base: string; actor: Agent; id: string; timestamp: string };

export type ModuleRef = { moduleId: string; moduleVersion: number; locale: string };

function statement(
  env: StatementEnv,
  verb: VerbName,
  ref: ModuleScoped & { moduleVersion: number; locale: string },
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

/** Reaction-survey items, each 1 (fully disagree) .. 5 (fully agree). */
export const SURVEY_ITEMS = ['relevant', 'useful', 'willUse', 'overall'] as const;
export type SurveyItem = (typeof SURVEY_ITEMS)[number];
export type SurveyAnswers = Record<SurveyItem, 1 | 2 | 3 | 4 | 5>;

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

  /**
   * The start of a quiz attempt, with the questions it drew in the order shown and the order of
   * each question's options, so a review or a resume shows the same.
   */
  startedQuiz: (
    env: StatementEnv,
    attempt: {
      module: ModuleRef;
      attemptId: string;
      questionIds: readonly string[];
      optionOrder?: Readonly<Record<string, readonly string[]>>;
    },
  ): Statement => {
    const { module } = attempt;
    const started = statement(
      env,
      'attempted',
      { kind: 'quiz', moduleId: module.moduleId, moduleVersion: module.moduleVersion, locale: module.locale },
      { registration: attempt.attemptId },
    );
    const context = started.context ?? {};
    return {
      ...started,
      context: {
        ...context,
        extensions: {
          ...context.extensions,
          [QUIZ_QUESTIONS_EXTENSION]: [...attempt.questionIds],
          ...(attempt.optionOrder
            ? {
                [QUIZ_OPTION_ORDER_EXTENSION]: Object.fromEntries(
                  Object.entries(attempt.optionOrder).map(([id, order]) => [id, [...order]]),
                ),
              }
            : {}),
        },
      },
    };
  },

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

  /** The learner's working text of an assignment; only the latest matters, and only to them. */
  assignmentDraft: (env: StatementEnv, module: ModuleRef, text: string): Statement =>
    statement(
      env,
      'drafted',
      { kind: 'assignment', moduleId: module.moduleId, moduleVersion: module.moduleVersion, locale: module.locale },
      { result: { response: text } },
    ),

  /** The learner hands in the assignment; each submission is kept, the latest is the one reviewed. */
  assignmentSubmission: (env: StatementEnv, module: ModuleRef, text: string): Statement =>
    statement(
      env,
      'submitted',
      { kind: 'assignment', moduleId: module.moduleId, moduleVersion: module.moduleVersion, locale: module.locale },
      { result: { response: text } },
    ),

  /** Hours spent learning outside the app, in one category, on one day. */
  loggedHours: (env: StatementEnv, entry: { category: string; hours: number; date: string; description: string }): Statement => ({
    id: env.id,
    actor: env.actor,
    verb: { id: VERBS.logged, display: verbDisplay('logged') },
    object: { objectType: 'Activity', id: activityId(env.base, { kind: 'hours', category: entry.category }) },
    result: { duration: toDuration(entry.hours * 3_600_000), response: entry.description },
    context: { extensions: { [ACTIVITY_DATE_EXTENSION]: entry.date } },
    timestamp: env.timestamp,
    version: '1.0.3',
  }),

  /**
   * A mentor's decision on a submission or a logged-hours entry: `accepted` true accepts or
   * approves, false returns it for revision or questions it. The object points at the
   * statement reviewed, so the learner receives it; `learner` names them in the context.
   */
  review: (
    env: StatementEnv,
    target: { statementId: string; moduleId?: string },
    learner: Agent,
    accepted: boolean,
    comment: string,
  ): Statement => ({
    id: env.id,
    actor: env.actor,
    verb: { id: VERBS.reviewed, display: verbDisplay('reviewed') },
    object: { objectType: 'StatementRef', id: target.statementId },
    result: { success: accepted, response: comment },
    context: {
      instructor: env.actor,
      team: { objectType: 'Group', member: [learner] },
      ...(target.moduleId
        ? {
            contextActivities: {
              grouping: [{ objectType: 'Activity' as const, id: activityId(env.base, { kind: 'module', moduleId: target.moduleId }) }],
            },
          }
        : {}),
    },
    timestamp: env.timestamp,
    version: '1.0.3',
  }),

  /** A reaction survey after a module or a face-to-face event: four items 1..5 (5 = fully agree) and a comment. */
  surveyResponse: (
    env: StatementEnv,
    about: { moduleId: string } | { eventId: string },
    answers: SurveyAnswers,
    comment: string,
  ): Statement => ({
    id: env.id,
    actor: env.actor,
    verb: { id: VERBS.responded, display: verbDisplay('responded') },
    object: {
      objectType: 'Activity',
      id: activityId(
        env.base,
        'moduleId' in about ? { kind: 'survey', moduleId: about.moduleId } : { kind: 'event-survey', eventId: about.eventId },
      ),
    },
    result: { response: comment, extensions: { [SURVEY_ANSWERS_EXTENSION]: answers } },
    timestamp: env.timestamp,
    version: '1.0.3',
  }),

  voided: (env: StatementEnv, target: string): Statement => ({
    id: env.id,
    actor: env.actor,
    verb: { id: VERBS.voided, display: verbDisplay('voided') },
    object: { objectType: 'StatementRef', id: target },
    timestamp: env.timestamp,
    version: '1.0.3',
  }),
};
