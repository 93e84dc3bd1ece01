/*
 * The mentoring actions (issue 4): a learner's assignment drafts and submissions, logged
 * hours and reaction-survey answers, and a mentor's review of a submission or of an hours
 * entry. Each appends ONE xAPI statement through `appendStatements`, like every action in
 * actions.ts, so the sync engine sends them like any other statement.
 *
 * Offline: all of it is local; a statement waits in the outbox (`synced: 0`) until the next
 * sync. A mentor's review written offline reaches the learner after the mentor's device and
 * then the learner's device have synced, in whichever order.
 * Conflict: none locally; each statement is new. Which review or draft counts is decided by
 * the folds in src/shared/mentoring (latest by timestamp, id).
 * Hours, event surveys and reviews of hours belong to no module: they are stored with
 * `moduleId: ''`; module-scoped ones under their module, so they re-derive nothing else.
 */
import { buildStatement, type ModuleRef, type StatementEnv, type SurveyAnswers } from '../../shared/xapi/build';
import type { HourCategory } from '../../shared/content/locales';
import { newUuid } from '../../shared/xapi/ids';
import type { Agent, Statement } from '../../shared/xapi/types';
import { appendStatements } from './actions';
import { currentActor, xapiBase } from './identity';
import type { StoredStatement } from './schema';

function env(): StatementEnv {
  return { base: xapiBase, actor: currentActor(), id: newUuid(), timestamp: new Date().toISOString() };
}

function local(statement: Statement, moduleId: string): StoredStatement {
  return { id: statement.id, moduleId, timestamp: statement.timestamp, synced: 0, statement };
}

/** The learner's working text of a module's assignment; the latest save wins. Offline-safe. */
export async function saveAssignmentDraft(module: ModuleRef, text: string): Promise<void> {
  await appendStatements([local(buildStatement.assignmentDraft(env(), module, text), module.moduleId)]);
}

/** Hand the assignment in for review (again, after a return). Offline-safe: it waits in the outbox. */
export async function submitAssignment(module: ModuleRef, text: string): Promise<void> {
  await appendStatements([local(buildStatement.assignmentSubmission(env(), module, text), module.moduleId)]);
}

export type HoursInput = { category: Exclude<HourCategory, 'online'>; hours: number; date: string; description: string };

/** Log hours spent learning outside the app; the mentor approves or questions the entry. Offline-safe. */
export async function logHours(entry: HoursInput): Promise<void> {
  await appendStatements([local(buildStatement.loggedHours(env(), { ...entry, description: entry.description.trim() }), '')]);
}

/** Answer a reaction survey about a module or a face-to-face event. Offline-safe. */
export async function answerSurvey(
  about: { moduleId: string } | { eventId: string },
  answers: SurveyAnswers,
  comment: string,
): Promise<void> {
  const moduleId = 'moduleId' in about ? about.moduleId : '';
  await appendStatements([local(buildStatement.surveyResponse(env(), about, answers, comment.trim()), moduleId)]);
}

/**
 * A mentor accepts or returns a submission, or approves or questions an hours entry, with a
 * comment. Written to the mentor's own database; offline it waits in the outbox, and the
 * learner receives it with their next sync after the mentor's device has synced.
 */
export async function reviewStatement(
  target: { statementId: string; moduleId?: string },
  learner: Agent,
  accepted: boolean,
  comment: string,
): Promise<void> {
  await appendStatements([local(buildStatement.review(env(), target, learner, accepted, comment.trim()), target.moduleId ?? '')]);
}
