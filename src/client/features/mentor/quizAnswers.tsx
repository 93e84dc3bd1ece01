/*
 * Quiz answers in words for the mentor: a learner's answer is stored as an xAPI response (option
 * ids joined by `[,]`, or `true` / `false`); the compiled module content in the mentor's
 * language has the question and option texts. Ids the content does not know (a question
 * since removed, content not loaded yet) are shown as they are rather than hidden.
 */
import { useTranslation } from 'react-i18next';
import type { QuizQuestion } from '../../../shared/content/compiled';
import { RESPONSE_DELIMITER } from '../../../shared/learning/quiz';

export type AnswerWords = { true: string; false: string; none: string };

/** An answer as texts: one, several choices (any order), or steps in the order given. */
export type AnswerParts = { list: 'choices' | 'steps'; parts: string[] };

const optionText = (question: Exclude<QuizQuestion, { type: 'truefalse' }>, id: string) =>
  question.options.find((o) => o.id === id)?.text ?? id;

/** What the learner answered, in the words of the content. */
export function answerParts(question: QuizQuestion | undefined, response: string, words: AnswerWords): AnswerParts {
  if (response === '') return { list: 'choices', parts: [words.none] };
  if (!question) return { list: 'choices', parts: [response] };
  if (question.type === 'truefalse')
    return { list: 'choices', parts: [response === 'true' ? words.true : response === 'false' ? words.false : response] };
  const parts = response.split(RESPONSE_DELIMITER).map((id) => optionText(question, id));
  return { list: question.type === 'order' ? 'steps' : 'choices', parts };
}

/**
 * The options of a choice question in the order the learner saw them (as recorded when the
 * attempt started), each saying whether they chose it; undefined for other questions or when
 * the order was not recorded.
 */
export function shownChoices(
  question: QuizQuestion | undefined,
  shown: { response: string; order: readonly string[] | undefined },
): { id: string; text: string; chosen: boolean }[] | undefined {
  if (!question || !shown.order || (question.type !== 'single' && question.type !== 'multiple')) return undefined;
  const chosen = new Set(shown.response.split(RESPONSE_DELIMITER));
  return shown.order.map((id) => ({ id, text: optionText(question, id), chosen: chosen.has(id) }));
}

/** The right answer, in the same words. */
export function rightAnswerParts(question: QuizQuestion, words: AnswerWords): AnswerParts {
  switch (question.type) {
    case 'truefalse':
      return { list: 'choices', parts: [question.answer ? words.true : words.false] };
    case 'single':
      return { list: 'choices', parts: [optionText(question, question.answer)] };
    case 'multiple':
      return { list: 'choices', parts: question.answer.map((id) => optionText(question, id)) };
    case 'order':
      return { list: 'steps', parts: question.options.map((o) => o.text) };
  }
}

/** The words `answerParts` and `rightAnswerParts` use, in the mentor's language. */
export function useAnswerWords(): AnswerWords {
  const { t } = useTranslation();
  return { true: t('mentor.true'), false: t('mentor.false'), none: t('mentor.noAnswer') };
}

/** The options as the learner saw them, the chosen ones marked in words and bold. */
export function ShownChoices({ choices }: { choices: { id: string; text: string; chosen: boolean }[] }) {
  const { t } = useTranslation();
  return (
    <div className="answer-shown">
      <p>{t('quiz.shownOrder')}</p>
      <ol className="answer-list">
        {choices.map((choice) => (
          <li key={choice.id}>
            {choice.chosen ? (
              <strong>
                {choice.text} {t('quiz.chosenMark')}
              </strong>
            ) : (
              choice.text
            )}
          </li>
        ))}
      </ol>
    </div>
  );
}

/** One answer as text; several choices as a list; ordered steps as a numbered list. */
export function AnswerText({ answer }: { answer: AnswerParts }) {
  if (answer.parts.length === 1) return <>{answer.parts[0]}</>;
  const items = answer.parts.map((part, index) => <li key={index}>{part}</li>);
  return answer.list === 'steps' ? <ol className="answer-list">{items}</ol> : <ul className="answer-list">{items}</ul>;
}
