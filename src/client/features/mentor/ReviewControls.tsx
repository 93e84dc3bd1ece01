import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Agent } from '../../../shared/xapi/types';
import { reviewStatement } from '../../db/mentoring';
import { useAction } from '../../ui/useAction';
import { ActionError } from '../../ui/ActionError';
import { rememberDecision } from './decisionFocus';

type Props = {
  target: { statementId: string; moduleId?: string };
  learner: Agent;
  label: string;
  acceptLabel: string;
  returnLabel: string;
};

/**
 * A comment and two decisions. The review is a statement on this device; offline it waits in
 * the outbox and reaches the learner after the next syncs.
 */
export function ReviewControls({ target, learner, label, acceptLabel, returnLabel }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const [comment, setComment] = useState('');
  const [error, setError] = useState(false);
  // The comment clears only once the review is saved; a failure is said and the comment stays.
  const review = useAction((accepted: boolean) => reviewStatement(target, learner, accepted, comment), { onDone: () => setComment('') });
  const decide = (accepted: boolean) => {
    if (!accepted && !comment.trim()) {
      setError(true);
      return;
    }
    setError(false);
    rememberDecision(target.statementId);
    review.run(accepted);
  };
  return (
    <div className="review-controls">
      <label htmlFor={`${id}-comment`}>{label}</label>
      <textarea
        id={`${id}-comment`}
        rows={3}
        value={comment}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(e) => setComment(e.target.value)}
      />
      {error && (
        <p id={`${id}-error`} className="field__error" role="alert">
          {t('mentor.commentRequired')}
        </p>
      )}
      <ActionError error={review.error} />
      <div className="inline-group">
        <button type="button" disabled={review.status === 'running'} onClick={() => decide(true)}>
          {acceptLabel}
        </button>
        <button type="button" className="button--secondary" disabled={review.status === 'running'} onClick={() => decide(false)}>
          {returnLabel}
        </button>
      </div>
    </div>
  );
}
