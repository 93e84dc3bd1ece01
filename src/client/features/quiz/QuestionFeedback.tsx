import type { Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { CircleCheck, CircleX } from 'lucide-react';
import type { QuizQuestion } from '../../../shared/content/compiled';

/** The right answer in words: one option, every right option, or the steps in order. */
function RightAnswer({ question, lang }: { question: QuizQuestion; lang: string | undefined }) {
  const { t } = useTranslation();
  const text = (id: string) => (question.type === 'truefalse' ? id : (question.options.find((o) => o.id === id)?.text ?? id));
  switch (question.type) {
    case 'truefalse':
      return (
        <p>
          {t('quiz.rightAnswer')} <strong>{question.answer ? t('quiz.true') : t('quiz.false')}</strong>
        </p>
      );
    case 'single':
      return (
        <p>
          {t('quiz.rightAnswer')} <strong lang={lang}>{text(question.answer)}</strong>
        </p>
      );
    case 'multiple':
      return (
        <>
          <p>{t('quiz.rightAnswers', { count: question.answer.length })}</p>
          <ul lang={lang}>
            {question.options
              .filter((o) => question.answer.includes(o.id))
              .map((o) => (
                <li key={o.id}>{o.text}</li>
              ))}
          </ul>
        </>
      );
    case 'order':
      return (
        <>
          <p>{t('quiz.rightOrder')}</p>
          <ol lang={lang}>
            {question.options.map((o) => (
              <li key={o.id}>{o.text}</li>
            ))}
          </ol>
        </>
      );
  }
}

/**
 * What "Check answer" says: right or not in words, an icon and colour, the right answer when
 * the learner's was not, and the question's explanation. Focused when it appears, so it is read.
 */
export function QuestionFeedback({
  question,
  correct,
  lang,
  ref,
}: {
  question: QuizQuestion;
  correct: boolean;
  lang: string | undefined;
  ref: Ref<HTMLDivElement>;
}) {
  const { t } = useTranslation();
  const Icon = correct ? CircleCheck : CircleX;
  return (
    <div ref={ref} tabIndex={-1} className={`quiz-feedback ${correct ? 'quiz-feedback--right' : 'quiz-feedback--wrong'}`} role="status">
      <p className="quiz-feedback__verdict">
        <Icon aria-hidden="true" size={22} />
        <strong>{correct ? t('quiz.correct') : t('quiz.incorrect')}</strong>
      </p>
      {!correct && <RightAnswer question={question} lang={lang} />}
      <p lang={lang}>{question.explanation}</p>
    </div>
  );
}
