import { MessageSquareText } from 'lucide-react';
import './MentorComment.css';

type Props = {
  comment: string;
  /** Who wrote it and when, in words; left out where the text around it says so already. */
  caption?: string | undefined;
};

/**
 * A mentor's feedback as a card, with the line breaks the mentor typed. The learner's
 * assignment and the mentor's own decision both show it.
 */
export function MentorComment({ comment, caption }: Props) {
  return (
    <figure className="feedback-card">
      {caption && (
        <figcaption className="feedback-card__by">
          <MessageSquareText aria-hidden="true" className="feedback-card__icon" />
          <span>{caption}</span>
        </figcaption>
      )}
      <blockquote className="feedback-card__text pre-line">{comment}</blockquote>
    </figure>
  );
}
