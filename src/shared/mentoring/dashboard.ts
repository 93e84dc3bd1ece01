/*
 * The cohort dashboard's pieces, as pure functions the server and the client share:
 * - `moduleRows`: one row per (learner, catalogue module) from the learner's folded state
 *   (foldLearning + moduleProgress) and assignment states; the server keeps these rows in a
 *   derived table (src/server/store/summaries.ts).
 * - `dashboardCell`, `notStartedCell`, `learnerTotals`: what the grid shows.
 * - `attentionItems`: who needs the mentor: no activity for N days (relative to `now`), a
 *   quiz failed twice (two or more failed attempts and no pass in that module), an assignment
 *   waiting for review, logged hours waiting for review. The module reasons alone
 *   (`moduleAttention`) do not depend on the time, so the server keeps them per learner and
 *   merges them in `sortAttention` order.
 */
import type { CatalogCurriculum, CatalogModule } from '../content/compiled';
import type { LearningState } from '../learning/fold';
import { curriculumProgress, moduleProgress, type ModuleProgress, type ModuleStatus } from '../learning/progress';
import type { Statement } from '../xapi/types';
import { verbName } from '../xapi/verbs';
import type { AssignmentState, AssignmentStatus, AttentionItem, DashboardCell, HoursEntry } from './contract';
import { liveStatements } from './statements';

/** Everything the dashboard needs of one learner in one module. */
export type ModuleRow = {
  moduleId: string;
  status: ModuleStatus;
  percent: number;
  bestScore: number | null;
  secondsSpent: number;
  lessonsCompleted: number;
  attempts: number;
  failedAttempts: number;
  quizPassed: boolean;
  assignment: AssignmentStatus;
  /** When the current assignment status began (the latest submission or its latest review). */
  assignmentSince: string | null;
  lastActivityAt: string | null;
};

export function moduleRow(module: CatalogModule, learning: LearningState, assignments: readonly AssignmentState[]): ModuleRow {
  const activity = learning.modules.find((m) => m.moduleId === module.id);
  const progress: ModuleProgress = moduleProgress(module, learning.lessons, learning.attempts, activity);
  const attempts = learning.attempts.filter((a) => a.moduleId === module.id);
  const assignment = assignments.find((a) => a.moduleId === module.id);
  const latestSubmission = assignment?.submissions[assignment.submissions.length - 1];
  const latestReview = assignment?.reviews.filter((r) => r.targetId === latestSubmission?.statementId).pop();
  return {
    moduleId: module.id,
    status: progress.status,
    percent: progress.percent,
    bestScore: progress.bestScore ?? null,
    secondsSpent: progress.secondsSpent,
    lessonsCompleted: progress.lessonsCompleted,
    attempts: attempts.length,
    failedAttempts: attempts.filter((a) => !a.passed).length,
    quizPassed: progress.quizPassed,
    assignment: assignment?.status ?? 'none',
    assignmentSince: latestReview?.at ?? latestSubmission?.at ?? null,
    lastActivityAt: activity?.lastActivityAt ?? null,
  };
}

/** Rows for every catalogue module, in catalogue order. */
export function moduleRows(
  modules: readonly CatalogModule[],
  learning: LearningState,
  assignments: readonly AssignmentState[],
): ModuleRow[] {
  return modules.map((module) => moduleRow(module, learning, assignments));
}

export function dashboardCell(learnerId: string, row: ModuleRow): DashboardCell {
  return {
    learnerId,
    moduleId: row.moduleId,
    status: row.status,
    bestScore: row.bestScore,
    secondsSpent: row.secondsSpent,
    lessonsCompleted: row.lessonsCompleted,
    assignment: row.assignment,
  };
}

/** The cell of a module the learner has not touched. */
export function notStartedCell(learnerId: string, moduleId: string): DashboardCell {
  return { learnerId, moduleId, status: 'not-started', bestScore: null, secondsSpent: 0, lessonsCompleted: 0, assignment: 'none' };
}

export type LearnerTotals = { modulesCompleted: number; secondsSpent: number; pathways: Record<string, number> };

/** A learner's totals over the catalogue: modules completed, time, and percent per curriculum. */
export function learnerTotals(
  rows: readonly Pick<ModuleRow, 'moduleId' | 'status' | 'percent' | 'secondsSpent'>[],
  curricula: readonly CatalogCurriculum[],
): LearnerTotals {
  const progress = new Map<string, ModuleProgress>();
  for (const row of rows) {
    progress.set(row.moduleId, {
      moduleId: row.moduleId,
      status: row.status,
      percent: row.percent,
      secondsSpent: row.secondsSpent,
      lessonsCompleted: 0,
      lessonsTotal: 0,
      bestScore: undefined,
      quizPassed: false,
      attempts: 0,
    });
  }
  const pathways: Record<string, number> = {};
  for (const curriculum of curricula) pathways[curriculum.id] = curriculumProgress(curriculum, progress).percent;
  return {
    modulesCompleted: rows.filter((r) => r.status === 'completed').length,
    secondsSpent: rows.reduce((sum, r) => sum + r.secondsSpent, 0),
    pathways,
  };
}

/** The latest own learning event of a learner: their newest live statement (reviews by others and surveys aside). */
export function lastActivityAt(statements: Iterable<Statement>, isLearner: (s: Statement) => boolean = () => true): string | null {
  let latest: string | null = null;
  for (const s of liveStatements(statements)) {
    const verb = verbName(s.verb.id);
    if (verb === 'reviewed' || verb === 'responded' || !isLearner(s)) continue;
    if (latest === null || s.timestamp > latest) latest = s.timestamp;
  }
  return latest;
}

/** The earliest time among hours entries still waiting for the mentor, or null when none wait. */
export function hoursWaitingSince(entries: readonly HoursEntry[]): string | null {
  let since: string | null = null;
  for (const entry of entries) if (!entry.review && (since === null || entry.loggedAt < since)) since = entry.loggedAt;
  return since;
}

export type AttentionInput = {
  learnerId: string;
  lastActivityAt: string | null;
  modules: readonly ModuleAttentionInput[];
  hoursWaitingSince: string | null;
};

export type ModuleAttentionInput = Pick<
  ModuleRow,
  'moduleId' | 'failedAttempts' | 'quizPassed' | 'assignment' | 'assignmentSince' | 'lastActivityAt'
>;

const REASON_ORDER = ['inactive', 'quiz-failed-twice', 'assignment-waiting', 'hours-waiting'];

/** A learner's reasons that come from their modules (a quiz failed twice, an assignment waiting): they do not depend on the time. */
export function moduleAttention(learnerId: string, modules: readonly ModuleAttentionInput[]): AttentionItem[] {
  const items: AttentionItem[] = [];
  for (const row of modules) {
    if (row.failedAttempts >= 2 && !row.quizPassed) {
      items.push({
        learnerId,
        reason: 'quiz-failed-twice',
        moduleId: row.moduleId,
        ...(row.lastActivityAt ? { since: row.lastActivityAt } : {}),
      });
    }
    if (row.assignment === 'submitted') {
      items.push({
        learnerId,
        reason: 'assignment-waiting',
        moduleId: row.moduleId,
        ...(row.assignmentSince ? { since: row.assignmentSince } : {}),
      });
    }
  }
  return items;
}

/** The needs-attention order: by reason, then oldest first, then learner and module. */
export function sortAttention(items: readonly AttentionItem[]): AttentionItem[] {
  // Each key is built once (a cohort of 1,000 has thousands of items, and a comparator that builds keys costs ~10 ms).
  const keyed = items.map((item) => ({
    item,
    key: `${REASON_ORDER.indexOf(item.reason)}\u0000${item.since ?? ''}\u0000${item.learnerId}\u0000${item.moduleId ?? ''}`,
  }));
  keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return keyed.map(({ item }) => item);
}

/**
 * Who needs attention, relative to `now`. A learner with no activity at all counts as
 * inactive (without `since`). Sorted by `sortAttention`.
 */
export function attentionItems(learners: readonly AttentionInput[], now: Date, inactiveDays: number): AttentionItem[] {
  const cutoff = new Date(now.getTime() - inactiveDays * 86_400_000).toISOString();
  const items: AttentionItem[] = [];
  for (const learner of learners) {
    if (learner.lastActivityAt === null) items.push({ learnerId: learner.learnerId, reason: 'inactive' });
    else if (learner.lastActivityAt < cutoff)
      items.push({ learnerId: learner.learnerId, reason: 'inactive', since: learner.lastActivityAt });
    items.push(...moduleAttention(learner.learnerId, learner.modules));
    if (learner.hoursWaitingSince !== null)
      items.push({ learnerId: learner.learnerId, reason: 'hours-waiting', since: learner.hoursWaitingSince });
  }
  return sortAttention(items);
}
