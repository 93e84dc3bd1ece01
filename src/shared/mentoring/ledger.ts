/*
 * A learner's part of the mentor views as a mergeable state (a "ledger"), so that storing a
 * statement changes the summary by what that statement changes, instead of refolding the
 * learner's whole history. One ledger per module the learner touched, one for the learner:
 * - lessons and module activity are tallies (statements that touch a lesson, completions,
 *   summed duration, latest time): adding a statement adds to them and voiding one subtracts;
 *   only the latest time cannot be taken back, so removing the statement that set it asks the
 *   caller to find the next latest (`removeFromModule` returns true); a lesson also lists its
 *   completions (id, time, module version), few per lesson, so the first one and the version it
 *   was made on are still known after any of them is voided;
 * - quiz answers and results, assignment submissions, logged hours and the reviews of those
 *   are kept as slim copies and folded on read by the same folds as a full refold
 *   (foldLearning, assignmentStates, hoursEntries): few per learner, and removing one is exact.
 * What goes where mirrors foldLearning (shared/learning/fold.ts): `effectOf` is that mapping.
 * Pure; the server keeps the ledgers in `learner_ledgers` (store/ledgers.ts).
 */
import type { Statement } from '../xapi/types';
import { parseActivityId } from '../xapi/activities';
import {
  ACTIVITY_DATE_EXTENSION,
  MODULE_VERSION_EXTENSION,
  QUIZ_OPTION_ORDER_EXTENSION,
  QUIZ_QUESTIONS_EXTENSION,
  verbName,
} from '../xapi/verbs';
import { durationMs } from '../learning/duration';
import { foldLearning, isLater, moduleVersionOf, type LearningState, type LessonState } from '../learning/fold';
import { assignmentStates, type Reviewers } from './assignments';
import { hoursEntries } from './hours';
import type { AssignmentState, HoursEntry } from './contract';

/** One completion of a lesson: its statement id, time and the module version it was made on (when it said). */
export type LessonCompletion = { id: string; timestamp: string; version?: number };

export type LessonTally = {
  touches: number;
  completions: number;
  /** The live completions; absent in a ledger written before they were listed (rebuilt at start: SUMMARY_FORMAT). */
  completed?: LessonCompletion[];
};

export type ModuleLedger = {
  moduleId: string;
  lessons: Record<string, LessonTally>;
  /** Lesson visits and completions and quiz results: how many, their summed duration (ms), the latest time. */
  activity: { count: number; ms: number; lastActivityAt: string | null };
  /** Slim copies of quiz answers and results (with a registration), submissions, and reviews of those submissions. */
  kept: Statement[];
};

export type LearnerLedger = {
  /** Slim copies of logged hours and their reviews. */
  kept: Statement[];
  /** Measured study time per module with activity, in whole seconds (each module rounded, as foldLearning does). */
  seconds: Record<string, number>;
};

/** Where a statement counts: in a module (which tallies, kept or not), in the learner's hours, or as a review of another statement. */
export type Effect =
  | {
      kind: 'module';
      moduleId: string;
      lesson?: { lessonId: string; completion: boolean };
      activity?: { ms: number; at: string };
      keep: boolean;
      /** A submission: its reviews count. */
      reviewable: boolean;
    }
  | { kind: 'hours' }
  | { kind: 'review'; targetId: string };

export const emptyModuleLedger = (moduleId: string): ModuleLedger => ({
  moduleId,
  lessons: {},
  activity: { count: 0, ms: 0, lastActivityAt: null },
  kept: [],
});

export const emptyLearnerLedger = (): LearnerLedger => ({ kept: [], seconds: {} });

/** What a live statement does to a learner's ledgers; undefined when it changes none of them. */
export function effectOf(s: Statement): Effect | undefined {
  const verb = verbName(s.verb.id);
  if (!verb || verb === 'voided') return undefined;
  if (s.object.objectType === 'StatementRef')
    return verb === 'reviewed' ? { kind: 'review', targetId: s.object.id.toLowerCase() } : undefined;
  const ref = parseActivityId(s.object.id);
  if (!ref) return undefined;
  const ms = s.result?.duration ? durationMs(s.result.duration) : 0;
  if (ref.kind === 'lesson') {
    const visits = verb === 'experienced' || verb === 'progressed' || verb === 'completed';
    return {
      kind: 'module',
      moduleId: ref.moduleId,
      lesson: { lessonId: ref.lessonId, completion: verb === 'completed' },
      ...(visits ? { activity: { ms, at: s.timestamp } } : {}),
      keep: false,
      reviewable: false,
    };
  }
  if ((ref.kind === 'quiz' || ref.kind === 'question') && s.context?.registration) {
    const outcome = ref.kind === 'quiz' && (verb === 'passed' || verb === 'failed');
    // A start records the questions drawn and the order shown, for the mentor's review.
    const start = ref.kind === 'quiz' && verb === 'attempted';
    if (!outcome && !start && !(ref.kind === 'question' && verb === 'answered')) return undefined;
    return {
      kind: 'module',
      moduleId: ref.moduleId,
      ...(outcome ? { activity: { ms, at: s.timestamp } } : {}),
      keep: true,
      reviewable: false,
    };
  }
  if (ref.kind === 'assignment' && verb === 'submitted') return { kind: 'module', moduleId: ref.moduleId, keep: true, reviewable: true };
  if (ref.kind === 'hours' && verb === 'logged') return { kind: 'hours' };
  return undefined;
}

/**
 * What the folds read of a kept statement, and nothing else (a module ledger is read and written
 * at every push that touches the module): who made it only for a review (its author, by
 * `authority`, and the mentor's name); of the result, the score, success, response and duration;
 * of the context, the registration, the activity date, the module version (a quiz result's) and a
 * quiz start's questions and order.
 */
export function slim(s: Statement): Statement {
  const context = s.context;
  const kept = [ACTIVITY_DATE_EXTENSION, MODULE_VERSION_EXTENSION, QUIZ_QUESTIONS_EXTENSION, QUIZ_OPTION_ORDER_EXTENSION].filter(
    (key) => context?.extensions?.[key] !== undefined,
  );
  const extensions = Object.fromEntries(kept.map((key) => [key, context?.extensions?.[key]]));
  const review = s.object.objectType === 'StatementRef';
  const result = s.result;
  return {
    id: s.id,
    actor: review ? s.actor : {},
    verb: { id: s.verb.id },
    object: review ? { objectType: 'StatementRef', id: s.object.id } : { id: s.object.id },
    ...(result
      ? {
          result: {
            ...(result.score ? { score: result.score } : {}),
            ...(result.success !== undefined ? { success: result.success } : {}),
            ...(result.response !== undefined ? { response: result.response } : {}),
            ...(result.duration !== undefined ? { duration: result.duration } : {}),
          },
        }
      : {}),
    ...(review && s.authority ? { authority: s.authority } : {}),
    ...(context?.registration !== undefined || kept.length > 0
      ? {
          context: {
            ...(context?.registration !== undefined ? { registration: context.registration } : {}),
            ...(kept.length > 0 ? { extensions } : {}),
          },
        }
      : {}),
    timestamp: s.timestamp,
  };
}

const sameId = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();

function keep(kept: Statement[], s: Statement): void {
  if (!kept.some((k) => sameId(k.id, s.id))) kept.push(slim(s));
}

/** Drops a kept statement and the reviews of it. */
function drop(kept: Statement[], id: string): Statement[] {
  return kept.filter((k) => !sameId(k.id, id) && !(k.object.objectType === 'StatementRef' && sameId(k.object.id, id)));
}

/** Adds a live statement of the learner with this module effect. */
export function addToModule(ledger: ModuleLedger, s: Statement, effect: Extract<Effect, { kind: 'module' }>): void {
  if (effect.lesson) {
    const tally = (ledger.lessons[effect.lesson.lessonId] ??= { touches: 0, completions: 0, completed: [] });
    tally.touches += 1;
    if (effect.lesson.completion) {
      tally.completions += 1;
      const version = moduleVersionOf(s);
      (tally.completed ??= []).push({ id: s.id, timestamp: s.timestamp, ...(version === undefined ? {} : { version }) });
    }
  }
  if (effect.activity) {
    const activity = ledger.activity;
    activity.count += 1;
    activity.ms += effect.activity.ms;
    if (activity.lastActivityAt === null || effect.activity.at > activity.lastActivityAt) activity.lastActivityAt = effect.activity.at;
  }
  if (effect.keep) keep(ledger.kept, s);
}

/**
 * Takes a voided statement back out. Returns true when it was the module's latest activity:
 * the caller then sets `activity.lastActivityAt` to the latest among the learner's remaining
 * statements (`lastModuleActivity`).
 */
export function removeFromModule(ledger: ModuleLedger, s: Statement, effect: Extract<Effect, { kind: 'module' }>): boolean {
  if (effect.lesson) {
    const tally = ledger.lessons[effect.lesson.lessonId];
    if (tally) {
      tally.touches -= 1;
      if (effect.lesson.completion) {
        tally.completions -= 1;
        tally.completed = tally.completed?.filter((c) => !sameId(c.id, s.id));
      }
      if (tally.touches <= 0) Reflect.deleteProperty(ledger.lessons, effect.lesson.lessonId);
    }
  }
  if (effect.keep) ledger.kept = drop(ledger.kept, s.id);
  if (!effect.activity) return false;
  const activity = ledger.activity;
  activity.count -= 1;
  activity.ms -= effect.activity.ms;
  if (activity.count <= 0) {
    ledger.activity = { count: 0, ms: 0, lastActivityAt: null };
    return false;
  }
  return effect.activity.at === activity.lastActivityAt;
}

/** Adds a live logged-hours statement of the learner, or a review (of a submission or logged hours) to the ledger its target is in. */
export function addKept(ledger: { kept: Statement[] }, s: Statement): void {
  keep(ledger.kept, s);
}

/** Takes a voided logged-hours statement (with its reviews) or a voided review back out. */
export function removeKept(ledger: { kept: Statement[] }, id: string): void {
  ledger.kept = drop(ledger.kept, id);
}

/** The module's seconds as the learner ledger keeps them (absent without activity). */
export function syncSeconds(learner: LearnerLedger, module: ModuleLedger): void {
  if (module.activity.count > 0) learner.seconds[module.moduleId] = Math.round(module.activity.ms / 1000);
  else Reflect.deleteProperty(learner.seconds, module.moduleId);
}

/** The latest activity time among statements, as `addToModule` would set it for this module (for `removeFromModule`). */
export function lastModuleActivity(moduleId: string, statements: Iterable<Statement>): string | null {
  let latest: string | null = null;
  for (const s of statements) {
    const effect = effectOf(s);
    if (effect?.kind !== 'module' || effect.moduleId !== moduleId || !effect.activity) continue;
    if (latest === null || effect.activity.at > latest) latest = effect.activity.at;
  }
  return latest;
}

const isReview = (s: Statement): boolean => s.object.objectType === 'StatementRef';

/** The learner's study state over these modules, as foldLearning gives it for what the mentor views read (notes and bookmarks aside). */
export function ledgerLearning(modules: readonly ModuleLedger[]): LearningState {
  const lessons: LessonState[] = [];
  for (const module of modules) {
    for (const [lessonId, tally] of Object.entries(module.lessons)) {
      const completed = tally.completions > 0;
      // The first completion by (timestamp, id), as foldLearning picks it: when, and on which version.
      const first = (tally.completed ?? []).reduce<LessonCompletion | undefined>(
        (earliest, c) => (!earliest || isLater(earliest, c) ? c : earliest),
        undefined,
      );
      // Besides those, only which lessons were touched is read (moduleProgress): the rest is not tallied.
      lessons.push({
        moduleId: module.moduleId,
        lessonId,
        completed,
        completedAt: first?.timestamp,
        ...(first?.version === undefined ? {} : { completedVersion: first.version }),
        position: 0,
        lastVisitedAt: undefined,
        secondsSpent: 0,
      });
    }
  }
  const quiz = modules.flatMap((m) => m.kept.filter((s) => !isReview(s) && verbName(s.verb.id) !== 'submitted'));
  return {
    lessons,
    attempts: foldLearning(quiz).attempts,
    notes: [],
    bookmarks: [],
    modules: modules
      .filter((m) => m.activity.count > 0)
      .map((m) => ({
        moduleId: m.moduleId,
        secondsSpent: Math.round(m.activity.ms / 1000),
        lastActivityAt: m.activity.lastActivityAt ?? '',
      })),
  };
}

/** The assignments in these modules, with the reviews by someone in `reviewers` (the ledgers keep every review, so who counts is decided here). */
export function ledgerAssignments(modules: readonly ModuleLedger[], reviewers: Reviewers): AssignmentState[] {
  return assignmentStates(
    modules.flatMap((m) => m.kept),
    reviewers,
  );
}

/** The learner's logged hours with the latest review by someone in `reviewers`. */
export function ledgerHours(learner: LearnerLedger, reviewers: Reviewers): HoursEntry[] {
  return hoursEntries(learner.kept, reviewers);
}

/** Study time the app measured, over every module (as LearnerFold.onlineSeconds). */
export const ledgerOnlineSeconds = (learner: LearnerLedger): number => Object.values(learner.seconds).reduce((sum, s) => sum + s, 0);
