/*
 * The fold from a set of xAPI statements to a learner's study state. Pure, and a function
 * of the SET: duplicates and order never change the answer (property tests in
 * tests/unit/shared/fold.test.ts). Mutable things (reading position, a note) take the
 * latest by (timestamp, id); sums count each statement id once; voided statements are
 * left out wherever they are in the input.
 */
import type { Statement } from '../xapi/types';
import { parseActivityId, type ActivityRef } from '../xapi/activities';
import {
  MODULE_VERSION_EXTENSION,
  PROGRESS_EXTENSION,
  QUIZ_OPTION_ORDER_EXTENSION,
  QUIZ_QUESTIONS_EXTENSION,
  verbName,
} from '../xapi/verbs';
import { durationMs } from './duration';
import { readOptionOrder, type OptionOrder } from './quiz';

export type LessonState = {
  moduleId: string;
  lessonId: string;
  completed: boolean;
  /** The first completion. */
  completedAt: string | undefined;
  /** The module version the first completion was made on; absent when its statement did not say. */
  completedVersion?: number;
  /** 0..100, the latest reading position. */
  position: number;
  lastVisitedAt: string | undefined;
  secondsSpent: number;
};

export type QuizAnswer = { questionId: string; response: string; success: boolean };

export type QuizAttempt = {
  attemptId: string;
  moduleId: string;
  at: string;
  /** 0..1 */
  scaled: number;
  raw: number;
  max: number;
  passed: boolean;
  /** The module version the attempt was scored on; absent when its statement did not say. */
  moduleVersion?: number;
  answers: QuizAnswer[];
  /** The questions the attempt drew from the quiz's pool; absent when its start was not recorded (the whole quiz then). */
  questionIds?: string[];
  /** Each question's option ids in the order shown; absent when the start did not record them. */
  optionOrder?: OptionOrder;
};

export type NoteState = { moduleId: string; lessonId: string; text: string; updatedAt: string };

export type BookmarkState = { moduleId: string; lessonId: string; createdAt: string; statementIds: string[] };

export type ModuleActivity = { moduleId: string; secondsSpent: number; lastActivityAt: string };

export type LearningState = {
  lessons: LessonState[];
  attempts: QuizAttempt[];
  notes: NoteState[];
  bookmarks: BookmarkState[];
  modules: ModuleActivity[];
};

type Stamp = { timestamp: string; id: string };

/** True when `a` is later than `b` by (timestamp, id): the tie-break that makes "latest" unique. */
export function isLater(a: Stamp, b: Stamp): boolean {
  return a.timestamp === b.timestamp ? a.id > b.id : a.timestamp > b.timestamp;
}

function minString(a: string | undefined, b: string): string {
  return a === undefined || b < a ? b : a;
}

function maxString(a: string | undefined, b: string): string {
  return a === undefined || b > a ? b : a;
}

/** The module version a statement was made on (its context extension), when it names one. */
export function moduleVersionOf(s: Statement): number | undefined {
  const version = s.context?.extensions?.[MODULE_VERSION_EXTENSION];
  return typeof version === 'number' && Number.isInteger(version) && version > 0 ? version : undefined;
}

const isStringList = (value: unknown): value is string[] => Array.isArray(value) && value.every((item) => typeof item === 'string');

const key = (moduleId: string, id: string): string => `${moduleId}\u0000${id}`;

function byKey<T extends { moduleId: string }>(idOf: (item: T) => string) {
  return (a: T, b: T): number => {
    const ka = key(a.moduleId, idOf(a));
    const kb = key(b.moduleId, idOf(b));
    return ka < kb ? -1 : ka > kb ? 1 : 0;
  };
}

/** Ids of statements voided by a voiding statement in the set. */
export function voidedIds(statements: Iterable<Statement>): Set<string> {
  const voided = new Set<string>();
  for (const s of statements) {
    if (verbName(s.verb.id) === 'voided' && s.object.objectType === 'StatementRef') voided.add(s.object.id);
  }
  return voided;
}

type AttemptDraft = {
  attemptId: string;
  outcome?: { stamp: Stamp; scaled: number; raw: number; max: number; passed: boolean; moduleVersion: number | undefined };
  moduleId: string;
  answers: Map<string, { stamp: Stamp; answer: QuizAnswer }>;
  /** From the earliest `attempted` statement, so a duplicate start on another device cannot change it. */
  drawn?: { stamp: Stamp; questionIds: string[]; optionOrder?: OptionOrder };
};

export function foldLearning(input: Iterable<Statement>): LearningState {
  const unique = new Map<string, Statement>();
  for (const s of input) unique.set(s.id, s);
  const voided = voidedIds(unique.values());

  // A learner's statements name the same few hundred activities and durations over and
  // over: parse each distinct IRI and duration once per fold.
  const activities = new Map<string, ActivityRef | undefined>();
  const activityOf = (iri: string): ActivityRef | undefined => {
    if (activities.has(iri)) return activities.get(iri);
    const ref = parseActivityId(iri);
    activities.set(iri, ref);
    return ref;
  };
  const durations = new Map<string, number>();
  const durationOf = (iso: string): number => {
    let ms = durations.get(iso);
    if (ms === undefined) {
      ms = durationMs(iso);
      durations.set(iso, ms);
    }
    return ms;
  };

  const lessons = new Map<string, LessonState & { positionStamp?: Stamp; completionStamp?: Stamp }>();
  const notes = new Map<string, NoteState & { stamp: Stamp }>();
  const bookmarks = new Map<string, BookmarkState>();
  const modules = new Map<string, ModuleActivity>();
  const attempts = new Map<string, AttemptDraft>();

  const lessonOf = (moduleId: string, lessonId: string) => {
    const k = key(moduleId, lessonId);
    let lesson = lessons.get(k);
    if (!lesson) {
      lesson = { moduleId, lessonId, completed: false, completedAt: undefined, position: 0, lastVisitedAt: undefined, secondsSpent: 0 };
      lessons.set(k, lesson);
    }
    return lesson;
  };
  // secondsSpent holds whole milliseconds until the end, so sums are exact in any order.
  const touchModule = (moduleId: string, timestamp: string, ms: number) => {
    const m = modules.get(moduleId) ?? { moduleId, secondsSpent: 0, lastActivityAt: timestamp };
    m.secondsSpent += ms;
    m.lastActivityAt = maxString(m.lastActivityAt, timestamp);
    modules.set(moduleId, m);
  };

  for (const s of unique.values()) {
    if (voided.has(s.id)) continue;
    const verb = verbName(s.verb.id);
    if (!verb || verb === 'voided' || s.object.objectType === 'StatementRef') continue;
    const ref = activityOf(s.object.id);
    if (!ref) continue;
    // A statement is its own (timestamp, id) stamp: no allocation per statement.
    const stamp: Stamp = s;
    const ms = s.result?.duration ? durationOf(s.result.duration) : 0;

    if (ref.kind === 'lesson') {
      const lesson = lessonOf(ref.moduleId, ref.lessonId);
      switch (verb) {
        case 'experienced':
        case 'progressed': {
          lesson.lastVisitedAt = maxString(lesson.lastVisitedAt, s.timestamp);
          lesson.secondsSpent += ms;
          touchModule(ref.moduleId, s.timestamp, ms);
          const progress = s.result?.extensions?.[PROGRESS_EXTENSION];
          if (
            typeof progress === 'number' &&
            Number.isFinite(progress) &&
            (!lesson.positionStamp || isLater(stamp, lesson.positionStamp))
          ) {
            lesson.position = Math.max(0, Math.min(100, progress));
            lesson.positionStamp = stamp;
          }
          break;
        }
        case 'completed':
          lesson.completed = true;
          // The first completion by (timestamp, id) decides when and on which version, in any order.
          if (!lesson.completionStamp || isLater(lesson.completionStamp, stamp)) {
            lesson.completionStamp = stamp;
            lesson.completedAt = s.timestamp;
            const version = moduleVersionOf(s);
            if (version === undefined) delete lesson.completedVersion;
            else lesson.completedVersion = version;
          }
          lesson.lastVisitedAt = maxString(lesson.lastVisitedAt, s.timestamp);
          touchModule(ref.moduleId, s.timestamp, ms);
          break;
        case 'noted': {
          const k = key(ref.moduleId, ref.lessonId);
          const current = notes.get(k);
          if (!current || isLater(stamp, current.stamp)) {
            notes.set(k, { moduleId: ref.moduleId, lessonId: ref.lessonId, text: s.result?.response ?? '', updatedAt: s.timestamp, stamp });
          }
          break;
        }
        case 'bookmarked': {
          const k = key(ref.moduleId, ref.lessonId);
          const current = bookmarks.get(k) ?? { moduleId: ref.moduleId, lessonId: ref.lessonId, createdAt: s.timestamp, statementIds: [] };
          current.createdAt = minString(current.createdAt, s.timestamp);
          current.statementIds.push(s.id);
          bookmarks.set(k, current);
          break;
        }
        default:
          break;
      }
      continue;
    }

    const registration = s.context?.registration;
    if ((ref.kind === 'quiz' || ref.kind === 'question') && registration) {
      // Keyed by module too: a registration reused across modules must not mix attempts.
      const attemptKey = key(ref.moduleId, registration);
      const draft: AttemptDraft = attempts.get(attemptKey) ?? { attemptId: registration, moduleId: ref.moduleId, answers: new Map() };
      attempts.set(attemptKey, draft);
      if (ref.kind === 'question' && verb === 'answered') {
        const previous = draft.answers.get(ref.questionId);
        if (!previous || isLater(stamp, previous.stamp)) {
          draft.answers.set(ref.questionId, {
            stamp,
            answer: { questionId: ref.questionId, response: s.result?.response ?? '', success: s.result?.success === true },
          });
        }
      }
      if (ref.kind === 'quiz' && verb === 'attempted') {
        const questionIds = s.context?.extensions?.[QUIZ_QUESTIONS_EXTENSION];
        if (isStringList(questionIds) && (!draft.drawn || isLater(draft.drawn.stamp, stamp))) {
          const optionOrder = readOptionOrder(s.context?.extensions?.[QUIZ_OPTION_ORDER_EXTENSION]);
          draft.drawn = { stamp, questionIds, ...(optionOrder ? { optionOrder } : {}) };
        }
      }
      if (ref.kind === 'quiz' && (verb === 'passed' || verb === 'failed')) {
        touchModule(ref.moduleId, s.timestamp, ms);
        if (!draft.outcome || isLater(stamp, draft.outcome.stamp)) {
          const score = s.result?.score ?? {};
          draft.outcome = {
            stamp,
            scaled: score.scaled ?? 0,
            raw: score.raw ?? 0,
            max: score.max ?? 0,
            passed: verb === 'passed',
            moduleVersion: moduleVersionOf(s),
          };
        }
      }
    }
  }

  const finishedAttempts: QuizAttempt[] = [];
  for (const draft of attempts.values()) {
    if (!draft.outcome) continue;
    finishedAttempts.push({
      attemptId: draft.attemptId,
      moduleId: draft.moduleId,
      at: draft.outcome.stamp.timestamp,
      scaled: draft.outcome.scaled,
      raw: draft.outcome.raw,
      max: draft.outcome.max,
      passed: draft.outcome.passed,
      ...(draft.outcome.moduleVersion === undefined ? {} : { moduleVersion: draft.outcome.moduleVersion }),
      answers: [...draft.answers.values()]
        .map((a) => a.answer)
        .sort((a, b) => (a.questionId < b.questionId ? -1 : a.questionId > b.questionId ? 1 : 0)),
      ...(draft.drawn ? { questionIds: draft.drawn.questionIds } : {}),
      ...(draft.drawn?.optionOrder ? { optionOrder: draft.drawn.optionOrder } : {}),
    });
  }
  finishedAttempts.sort((a, b) => {
    const ka = `${a.at}\u0000${a.moduleId}\u0000${a.attemptId}`;
    const kb = `${b.at}\u0000${b.moduleId}\u0000${b.attemptId}`;
    return ka < kb ? -1 : ka > kb ? 1 : 0;
  });

  return {
    lessons: [...lessons.values()]
      .map(({ positionStamp: _stamp, completionStamp: _completion, ...lesson }) => ({
        ...lesson,
        secondsSpent: Math.round(lesson.secondsSpent / 1000),
      }))
      .sort(byKey((l) => l.lessonId)),
    attempts: finishedAttempts,
    // An empty note is a deleted note.
    notes: [...notes.values()]
      .filter((n) => n.text.trim() !== '')
      .map(({ stamp: _stamp, ...note }) => note)
      .sort(byKey((n) => n.lessonId)),
    bookmarks: [...bookmarks.values()].map((b) => ({ ...b, statementIds: [...b.statementIds].sort() })).sort(byKey((b) => b.lessonId)),
    modules: [...modules.values()].map((m) => ({ ...m, secondsSpent: Math.round(m.secondsSpent / 1000) })).sort(byKey(() => '')),
  };
}
