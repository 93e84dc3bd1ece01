/*
 * Assignments: where each practical task of a learner stands, from their `submitted`
 * statements and the mentors' `reviewed` statements that target a submission by StatementRef.
 * The latest submission (by (timestamp, id)) is the current one; its latest review decides:
 * none -> submitted -> returned (review with success false) | accepted. A review of an older
 * submission is kept in the history but does not decide the status. Pure, order-independent
 * and idempotent; voided statements are left out. Drafts (`drafted`) are the learner's own.
 * Only a review whose author may review the learner counts (`Reviewers`): the learner's own
 * "review", or one by a mentor of another cohort, is left out, wherever it came from.
 */
import type { Statement } from '../xapi/types';
import { parseActivityId } from '../xapi/activities';
import { verbName } from '../xapi/verbs';
import { agentKey } from '../xapi/canonical';
import type { AssignmentState, AssignmentStatus, Review, Submission } from './contract';
import { byStamp, liveStatements, refTarget } from './statements';

/**
 * The agent keys (`agentKey`) whose reviews count for a learner: the mentors of the learner's
 * cohorts, the coordinators and the xAPI clients given the right (server/store/reviewers.ts).
 */
export type Reviewers = ReadonlySet<string>;

/**
 * Who made a review: the `authority` the server stored (whom it authenticated, whatever actor
 * the statement names), or the actor of a review not yet stored by the server.
 */
export const reviewAuthor = (s: Statement): string | undefined => agentKey(s.authority ?? s.actor);

export function reviewOf(s: Statement): Review | undefined {
  const targetId = refTarget(s);
  if (verbName(s.verb.id) !== 'reviewed' || targetId === undefined) return undefined;
  return {
    statementId: s.id.toLowerCase(),
    targetId,
    accepted: s.result?.success === true,
    comment: s.result?.response ?? '',
    at: s.timestamp ?? '',
    mentorName: s.actor.name ?? null,
  };
}

/** The reviews in the set by someone in `reviewers`, grouped by the id of the statement they review, each list ascending by (at, id). */
export function reviewsByTarget(live: readonly Statement[], reviewers: Reviewers): Map<string, Review[]> {
  const byTarget = new Map<string, Review[]>();
  for (const s of live) {
    const review = reviewOf(s);
    const author = review && reviewAuthor(s);
    if (!review || author === undefined || !reviewers.has(author)) continue;
    const list = byTarget.get(review.targetId) ?? [];
    list.push(review);
    byTarget.set(review.targetId, list);
  }
  for (const list of byTarget.values())
    list.sort((a, b) => byStamp({ timestamp: a.at, id: a.statementId }, { timestamp: b.at, id: b.statementId }));
  return byTarget;
}

function statusOf(submissions: Submission[], reviews: Map<string, Review[]>): AssignmentStatus {
  const latest = submissions[submissions.length - 1];
  if (!latest) return 'none';
  const decided = reviews.get(latest.statementId);
  const last = decided?.[decided.length - 1];
  if (!last) return 'submitted';
  return last.accepted ? 'accepted' : 'returned';
}

function statesOf(submissionsByModule: Map<string, Submission[]>, reviews: Map<string, Review[]>): AssignmentState[] {
  return [...submissionsByModule.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([moduleId, submissions]) => {
      submissions.sort((a, b) => byStamp({ timestamp: a.at, id: a.statementId }, { timestamp: b.at, id: b.statementId }));
      const mine = submissions.flatMap((sub) => reviews.get(sub.statementId) ?? []);
      mine.sort((a, b) => byStamp({ timestamp: a.at, id: a.statementId }, { timestamp: b.at, id: b.statementId }));
      return { moduleId, status: statusOf(submissions, reviews), submissions, reviews: mine };
    });
}

function submissionOf(s: Statement): { moduleId: string; submission: Submission } | undefined {
  if (verbName(s.verb.id) !== 'submitted' || s.object.objectType === 'StatementRef') return undefined;
  const ref = parseActivityId(s.object.id);
  if (ref?.kind !== 'assignment') return undefined;
  return { moduleId: ref.moduleId, submission: { statementId: s.id.toLowerCase(), text: s.result?.response ?? '', at: s.timestamp ?? '' } };
}

/**
 * The assignments of ONE learner: give their statements plus the reviews that target them
 * (what the learner's own sync pulls), and who may review them. One entry per module the
 * learner submitted in, by module id.
 */
export function assignmentStates(statements: Iterable<Statement>, reviewers: Reviewers): AssignmentState[] {
  const live = liveStatements(statements);
  const byModule = new Map<string, Submission[]>();
  for (const s of live) {
    const found = submissionOf(s);
    if (!found) continue;
    const list = byModule.get(found.moduleId) ?? [];
    list.push(found.submission);
    byModule.set(found.moduleId, list);
  }
  return statesOf(byModule, reviewsByTarget(live, reviewers));
}

export type ManyLearners = {
  /** Who may review the learner with this key (as `learnerKey` gives it). */
  reviewersOf: (learner: string) => Reviewers;
  /** The key results are grouped by (default: the xAPI agent key). */
  learnerKey?: (actor: Statement['actor']) => string | undefined;
};

/** The assignments of many learners at once, keyed by `learnerKey(actor)`; each learner's reviews count only by their reviewers. */
export function foldAssignments(
  statements: Iterable<Statement>,
  { reviewersOf, learnerKey = agentKey }: ManyLearners,
): Map<string, AssignmentState[]> {
  const live = liveStatements(statements);
  const byLearner = new Map<string, Map<string, Submission[]>>();
  for (const s of live) {
    const found = submissionOf(s);
    const learner = found ? learnerKey(s.actor) : undefined;
    if (!found || learner === undefined) continue;
    const modules = byLearner.get(learner) ?? new Map<string, Submission[]>();
    const list = modules.get(found.moduleId) ?? [];
    list.push(found.submission);
    modules.set(found.moduleId, list);
    byLearner.set(learner, modules);
  }
  return new Map(
    [...byLearner.entries()].map(([learner, modules]) => [learner, statesOf(modules, reviewsByTarget(live, reviewersOf(learner)))]),
  );
}

export type Draft = { statementId: string; text: string; at: string };

/** The learner's latest draft of a module's assignment (for the editor), or null. */
export function latestDraft(statements: Iterable<Statement>, moduleId: string): Draft | null {
  let latest: Statement | undefined;
  for (const s of liveStatements(statements)) {
    if (verbName(s.verb.id) !== 'drafted' || s.object.objectType === 'StatementRef') continue;
    const ref = parseActivityId(s.object.id);
    if (ref?.kind !== 'assignment' || ref.moduleId !== moduleId) continue;
    if (!latest || byStamp(s, latest) > 0) latest = s;
  }
  return latest ? { statementId: latest.id.toLowerCase(), text: latest.result?.response ?? '', at: latest.timestamp ?? '' } : null;
}
