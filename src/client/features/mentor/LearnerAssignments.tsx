import { useTranslation } from 'react-i18next';
import type { LearnerReport } from '../../../shared/mentoring/contract';
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

/** Each assignment's submissions, oldest first, with the reviews, and the decision controls on the latest. */
export function LearnerAssignments({ report, local, agent, moduleTitle, moduleLang }: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <section aria-labelledby="assignments-heading">
      <h2 id="assignments-heading">{t('mentor.assignmentsTitle')}</h2>
      {report.assignments.length === 0 && <p>{t('mentor.assignmentsNone')}</p>}
      {report.assignments.map((assignment) => {
        const latest = assignment.submissions[assignment.submissions.length - 1];
        return (
          <article key={assignment.moduleId} className="card" aria-labelledby={`assignment-${assignment.moduleId}`}>
            <h3 id={`assignment-${assignment.moduleId}`} lang={moduleLang(assignment.moduleId)}>
              {moduleTitle(assignment.moduleId)}
            </h3>
            <ol className="plain-list">
              {assignment.submissions.map((submission, index) => {
                const server = assignment.reviews.filter((r) => r.targetId === submission.statementId);
                const decision = latestDecision(server[server.length - 1], local.get(submission.statementId));
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
