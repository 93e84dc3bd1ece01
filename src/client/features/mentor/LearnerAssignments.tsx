import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AssignmentState, LearnerReport } from '../../../shared/mentoring/contract';
import type { Agent } from '../../../shared/xapi/types';
import { useFormat } from '../../i18n/format';
import { Decision } from './Decision';
import { ReviewControls } from './ReviewControls';
import { latestDecision, type LocalReview } from './localReviews';

type Props = {
  report: LearnerReport;
  local: Map<string, LocalReview>;
  agent: Agent | undefined;
  moduleTitle: (id: string) => string;
  moduleLang: (id: string) => string | undefined;
};

/** The decision that stands on one submission: the server's latest, unless this device holds a newer one. */
function decisionOn(assignment: AssignmentState, statementId: string, local: Map<string, LocalReview>) {
  const server = assignment.reviews.filter((r) => r.targetId === statementId);
  return latestDecision(server[server.length - 1], local.get(statementId));
}

/** When the latest submission was sent, if it still waits for a decision (the server's or this device's). */
function waitingSince(assignment: AssignmentState, local: Map<string, LocalReview>): string | null {
  const latest = assignment.submissions[assignment.submissions.length - 1];
  return latest && !decisionOn(assignment, latest.statementId, local) ? latest.at : null;
}

/** The assignments waiting for the mentor, the longest waiting first, then the rest in the course's order. */
function reviewOrder(assignments: readonly AssignmentState[], local: Map<string, LocalReview>): string[] {
  const waiting = assignments.flatMap((a) => {
    const since = waitingSince(a, local);
    return since ? [{ moduleId: a.moduleId, since }] : [];
  });
  // ISO times compare as text; the sort is stable, so equal times keep the course's order.
  waiting.sort((a, b) => (a.since < b.since ? -1 : a.since > b.since ? 1 : 0));
  const first = new Set(waiting.map((a) => a.moduleId));
  return [...waiting.map((a) => a.moduleId), ...assignments.filter((a) => !first.has(a.moduleId)).map((a) => a.moduleId)];
}

/**
 * Each assignment's submissions, oldest first, with the reviews, and the decision controls on the
 * latest. Those waiting for the mentor come first, in an order fixed when the page opens (the
 * component is keyed by learner), so a decision made here never moves its card away from the focus.
 */
export function LearnerAssignments({ report, local, agent, moduleTitle, moduleLang }: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  const [order] = useState(() => reviewOrder(report.assignments, local));
  const place = (moduleId: string) => {
    const at = order.indexOf(moduleId);
    return at < 0 ? order.length : at;
  };
  const assignments = [...report.assignments].sort((a, b) => place(a.moduleId) - place(b.moduleId));
  const waiting = report.assignments.filter((a) => waitingSince(a, local)).length;
  return (
    <section aria-labelledby="assignments-heading">
      <h2 id="assignments-heading">{t('mentor.assignmentsTitle')}</h2>
      {report.assignments.length === 0 && <p>{t('mentor.assignmentsNone')}</p>}
      {waiting > 0 && <p>{t('mentor.assignmentsWaiting', { n: waiting })}</p>}
      {assignments.map((assignment) => {
        const latest = assignment.submissions[assignment.submissions.length - 1];
        return (
          <article key={assignment.moduleId} className="card" aria-labelledby={`assignment-${assignment.moduleId}`}>
            <h3 id={`assignment-${assignment.moduleId}`} lang={moduleLang(assignment.moduleId)}>
              {moduleTitle(assignment.moduleId)}
            </h3>
            <ol className="plain-list">
              {assignment.submissions.map((submission, index) => {
                const decision = decisionOn(assignment, submission.statementId, local);
                const isLatest = submission === latest;
                return (
                  <li key={submission.statementId} className="submission">
                    <h4>{t('mentor.submissionNumber', { number: index + 1, date: format.dateTime(submission.at) })}</h4>
                    <p className="pre-line">{submission.text}</p>
                    {decision && <Decision review={decision} acceptedText={t('mentor.accepted')} returnedText={t('mentor.returned')} />}
                    {isLatest && !decision && agent && (
                      <ReviewControls
                        target={{ statementId: submission.statementId, moduleId: assignment.moduleId }}
                        learner={agent}
                        label={t('mentor.feedbackLabel')}
                        acceptLabel={t('mentor.accept')}
                        returnLabel={t('mentor.returnForRevision')}
                      />
                    )}
                  </li>
                );
              })}
            </ol>
          </article>
        );
      })}
    </section>
  );
}
