import { useTranslation } from 'react-i18next';
import type { AssignmentState } from '../../../shared/mentoring/contract';
import { useFormat } from '../../i18n/format';
import { MentorComment } from '../../ui/MentorComment';

/** Where the assignment stands, in words (never colour alone), with the mentor's latest comment. */
export function AssignmentStatusView({ state }: { state: AssignmentState }) {
  const { t } = useTranslation();
  const format = useFormat();
  const submitted = state.submissions[state.submissions.length - 1];
  const review = state.reviews[state.reviews.length - 1];
  const current = review && submitted && review.targetId === submitted.statementId ? review : undefined;
  const label = {
    none: t('assignment.statusNone'),
    submitted: t('assignment.statusSubmitted'),
    returned: t('assignment.statusReturned'),
    accepted: t('assignment.statusAccepted'),
  }[state.status];

  return (
    <div className={`assignment-status assignment-status--${state.status}`} role="status">
      <p>
        <strong>{t('assignment.statusLabel')}</strong> {label}
        {submitted && <span className="muted"> {t('assignment.submittedOn', { date: format.dateTime(submitted.at) })}</span>}
      </p>
      {current && (
        <MentorComment
          comment={current.comment || t('assignment.noComment')}
          caption={
            current.mentorName
              ? t('assignment.commentBy', { name: current.mentorName, date: format.dateTime(current.at) })
              : t('assignment.commentOn', { date: format.dateTime(current.at) })
          }
        />
      )}
      {state.status === 'accepted' && submitted && (
        <details>
          <summary>{t('assignment.showSubmission')}</summary>
          <p className="pre-line">{submitted.text}</p>
        </details>
      )}
    </div>
  );
}
