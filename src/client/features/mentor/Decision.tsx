import { useLayoutEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Review } from '../../../shared/mentoring/contract';
import { useFormat } from '../../i18n/format';
import { MentorComment } from '../../ui/MentorComment';
import { wasJustDecided } from './decisionFocus';

/** A decision already taken, in words, with its comment and whether it still waits to be sent. */
export function Decision({
  review,
  acceptedText,
  returnedText,
}: {
  review: Review & { waiting?: boolean };
  acceptedText: string;
  returnedText: string;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const ref = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    if (wasJustDecided(review.targetId)) ref.current?.focus();
  }, [review.targetId]);
  return (
    <div className="decision" role="status" ref={ref} tabIndex={-1}>
      <p>
        <strong>{review.accepted ? acceptedText : returnedText}</strong>{' '}
        <span className="muted">
          {review.mentorName
            ? t('mentor.decidedBy', { name: review.mentorName, date: format.dateTime(review.at) })
            : t('mentor.decidedOn', { date: format.dateTime(review.at) })}
        </span>
      </p>
      {review.comment && <MentorComment comment={review.comment} />}
      {review.waiting && <p className="muted">{t('mentor.reviewWaiting')}</p>}
    </div>
  );
}
