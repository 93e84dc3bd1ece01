import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Agent } from '../../../shared/xapi/types';
import { reviewStatement } from '../../db/mentoring';

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
  const decide = async (accepted: boolean) => {
    if (!accepted && !comment.trim()) {
      setError(true);
      return;
    }
    setError(false);
    await reviewStatement(target, learner, accepted, comment);
    setComment('');
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
      <div className="inline-group">
        <button type="button" onClick={() => void decide(true)}>
          {acceptLabel}
        </button>
        <button type="button" className="button--secondary" onClick={() => void decide(false)}>
          {returnLabel}
        </button>
      </div>
    </div>
  );
}
